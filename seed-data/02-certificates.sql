-- Dev seed data, part 2: indicator certificates held by townships (ids below 1000; the sequence starts at 1000).
-- Areas are exact m² (1 亩 = 10,000/15 m²), grain capacity whole kg. Dates in documents, votes and filings
-- are computed from the load date so the data always looks current.
-- frozen_* columns equal the sum of the lots of the certificate's listings that are not REJECTED or TERMINATED
-- (see 03-listings.sql):
--   101 40,000 (listing 204)   103 53,333 (208)   104 66,667 (201)   105 80,000 (206)   106 30,000 (205)
--   109 80,000 / paddy 53,333 / 60,000 kg (202)   111 60,000 / 60,000 / 49,500 kg (211, draft)
--   112 20,146 (203)   113 7,986 (209)   114 13,420 (212)
--   free: 102, 107 (its listing 207 was terminated), 108, 110 (its listing 210 was rejected), 115.

-- ---------------------------------------------------------------------------------------------------------
-- CONSTRUCTION_QUOTA 建设用地指标, plan year 2026.
-- Lineage: 101 was issued for 200 亩 (133,333 m²); 50 亩 (33,333 m²) were split off to 刘营镇 as child 102,
-- so 101 keeps the remainder 100,000 m² (150 亩). Quantity is conserved: 100,000 + 33,333 = 133,333.
-- ---------------------------------------------------------------------------------------------------------
insert into certificate (id, cert_no, asset_type, holder_kind, holder_code, region_code, source_project, documents,
                         area_m2, frozen_area_m2, plan_year, parent_id, issued_at, issued_by) values
    (101, 'MYZB-JS-2026-0101', 'CONSTRUCTION_QUOTA', 'TOWNSHIP', '510722101', '510722101',
     '2026年度新增建设用地计划指标（三台县芦溪工业集中区）',
     jsonb_build_array(
         jsonb_build_object('kind', 'APPROVAL', 'number', '川自然资发〔2026〕18号', 'issuedOn', to_char(current_date - 200, 'YYYY-MM-DD'),
                            'title', '四川省自然资源厅关于下达2026年度新增建设用地计划指标的通知'),
         jsonb_build_object('kind', 'APPROVAL', 'number', '绵自然资发〔2026〕45号', 'issuedOn', to_char(current_date - 165, 'YYYY-MM-DD'),
                            'title', '绵阳市自然资源和规划局关于分解下达2026年度新增建设用地计划指标的通知')),
     100000, 40000, 2026, null, now() - interval '150 days', 'regulator:510700:li.min'),
    (102, 'MYZB-JS-2026-0102', 'CONSTRUCTION_QUOTA', 'TOWNSHIP', '510722102', '510722102',
     '2026年度新增建设用地计划指标（三台县芦溪镇调剂至刘营镇）',
     jsonb_build_array(
         jsonb_build_object('kind', 'APPROVAL', 'number', '三自然资发〔2026〕12号', 'issuedOn', to_char(current_date - 115, 'YYYY-MM-DD'),
                            'title', '三台县自然资源局关于调剂2026年度新增建设用地计划指标的通知')),
     33333, 0, 2026, 101, now() - interval '110 days', 'regulator:510700:li.min'),
    (103, 'MYZB-JS-2026-0103', 'CONSTRUCTION_QUOTA', 'TOWNSHIP', '510781102', '510781102',
     '2026年度新增建设用地计划指标（江油市武都镇）',
     jsonb_build_array(
         jsonb_build_object('kind', 'APPROVAL', 'number', '绵自然资发〔2026〕45号', 'issuedOn', to_char(current_date - 165, 'YYYY-MM-DD'),
                            'title', '绵阳市自然资源和规划局关于分解下达2026年度新增建设用地计划指标的通知')),
     53333, 53333, 2026, null, now() - interval '120 days', 'regulator:510700:li.min')
on conflict do nothing;

-- ---------------------------------------------------------------------------------------------------------
-- LINKAGE_SURPLUS 增减挂钩节余指标: reclaimed rural construction land, with acceptance document and validity.
-- ---------------------------------------------------------------------------------------------------------
insert into certificate (id, cert_no, asset_type, holder_kind, holder_code, region_code, source_project, documents,
                         area_m2, frozen_area_m2, plan_year, acceptance_doc_no, valid_until, issued_at, issued_by) values
    (104, 'MYZB-GG-2025-0104', 'LINKAGE_SURPLUS', 'TOWNSHIP', '510722101', '510722101',
     '三台县芦溪镇增减挂钩拆旧复垦项目',
     jsonb_build_array(
         jsonb_build_object('kind', 'ACCEPTANCE', 'number', '绵自然资验〔2025〕37号', 'issuedOn', to_char(current_date - 200, 'YYYY-MM-DD'),
                            'title', '三台县芦溪镇增减挂钩拆旧复垦项目竣工验收意见'),
         jsonb_build_object('kind', 'SURVEY', 'number', 'MY-KC-2025-0112', 'issuedOn', to_char(current_date - 260, 'YYYY-MM-DD'),
                            'title', '芦溪镇拆旧复垦地块勘测定界报告（12个地块）')),
     66667, 66667, 2025, '绵自然资验〔2025〕37号', current_date + 1000, now() - interval '180 days', 'regulator:510700:li.min'),
    (105, 'MYZB-GG-2026-0105', 'LINKAGE_SURPLUS', 'TOWNSHIP', '510781101', '510781101',
     '江油市青莲镇增减挂钩拆旧复垦项目（二期）',
     jsonb_build_array(
         jsonb_build_object('kind', 'ACCEPTANCE', 'number', '绵自然资验〔2026〕8号', 'issuedOn', to_char(current_date - 150, 'YYYY-MM-DD'),
                            'title', '江油市青莲镇增减挂钩拆旧复垦项目（二期）竣工验收意见'),
         jsonb_build_object('kind', 'SURVEY', 'number', 'MY-KC-2025-0187', 'issuedOn', to_char(current_date - 230, 'YYYY-MM-DD'),
                            'title', '青莲镇拆旧复垦地块勘测定界报告（27个地块）')),
     173518, 80000, 2026, '绵自然资验〔2026〕8号', current_date + 950, now() - interval '140 days', 'regulator:510700:li.min'),
    (106, 'MYZB-GG-2026-0106', 'LINKAGE_SURPLUS', 'TOWNSHIP', '510726101', '510726101',
     '北川羌族自治县曲山镇增减挂钩拆旧复垦项目',
     jsonb_build_array(
         jsonb_build_object('kind', 'ACCEPTANCE', 'number', '绵自然资验〔2026〕11号', 'issuedOn', to_char(current_date - 140, 'YYYY-MM-DD'),
                            'title', '北川羌族自治县曲山镇增减挂钩拆旧复垦项目竣工验收意见')),
     30000, 30000, 2026, '绵自然资验〔2026〕11号', current_date + 900, now() - interval '130 days', 'regulator:510700:li.min'),
    (107, 'MYZB-GG-2025-0107', 'LINKAGE_SURPLUS', 'TOWNSHIP', '510723101', '510723101',
     '盐亭县富驿镇增减挂钩拆旧复垦项目',
     jsonb_build_array(
         jsonb_build_object('kind', 'ACCEPTANCE', 'number', '绵自然资验〔2025〕29号', 'issuedOn', to_char(current_date - 250, 'YYYY-MM-DD'),
                            'title', '盐亭县富驿镇增减挂钩拆旧复垦项目竣工验收意见'),
         jsonb_build_object('kind', 'OTHER', 'number', '盐自然资函〔2026〕31号', 'issuedOn', to_char(current_date - 32, 'YYYY-MM-DD'),
                            'title', '关于富驿镇拆旧复垦地块复核情况的报告')),
     121406, 0, 2025, '绵自然资验〔2025〕29号', current_date + 800, now() - interval '240 days', 'regulator:510700:li.min'),
    (108, 'MYZB-GG-2026-0108', 'LINKAGE_SURPLUS', 'TOWNSHIP', '510727101', '510727101',
     '平武县龙安镇增减挂钩拆旧复垦项目',
     jsonb_build_array(
         jsonb_build_object('kind', 'ACCEPTANCE', 'number', '绵自然资验〔2026〕23号', 'issuedOn', to_char(current_date - 70, 'YYYY-MM-DD'),
                            'title', '平武县龙安镇增减挂钩拆旧复垦项目竣工验收意见')),
     19874, 0, null, '绵自然资验〔2026〕23号', current_date + 1050, now() - interval '60 days', 'regulator:510700:li.min')
on conflict do nothing;

-- ---------------------------------------------------------------------------------------------------------
-- FARMLAND_COMPENSATION 补充耕地指标: area, paddy area and grain capacity; quality grade; national filing.
-- ---------------------------------------------------------------------------------------------------------
insert into certificate (id, cert_no, asset_type, holder_kind, holder_code, region_code, source_project, source_project_type, documents,
                         area_m2, frozen_area_m2, paddy_area_m2, frozen_paddy_area_m2, grain_capacity_kg, frozen_grain_capacity_kg,
                         quality_grade, national_filing_no, issued_at, issued_by) values
    (109, 'MYZB-BG-2025-0109', 'FARMLAND_COMPENSATION', 'TOWNSHIP', '510722103', '510722103',
     '三台县西平镇土地整理项目', 'CONSOLIDATION',
     jsonb_build_array(
         jsonb_build_object('kind', 'ACCEPTANCE', 'number', '绵自然资验〔2025〕52号', 'issuedOn', to_char(current_date - 230, 'YYYY-MM-DD'),
                            'title', '三台县西平镇土地整理项目竣工验收意见'),
         jsonb_build_object('kind', 'FILING', 'number', '510722-2025-BC-0031', 'issuedOn', to_char(current_date - 210, 'YYYY-MM-DD'),
                            'title', '补充耕地项目国家备案信息')),
     213540, 80000, 133206, 53333, 160150, 60000, 7, '510722-2025-BC-0031', now() - interval '200 days', 'regulator:510700:li.min'),
    (110, 'MYZB-BG-2026-0110', 'FARMLAND_COMPENSATION', 'TOWNSHIP', '510725101', '510725101',
     '梓潼县许州镇宜耕后备资源开发项目', 'DEVELOPMENT',
     jsonb_build_array(
         jsonb_build_object('kind', 'ACCEPTANCE', 'number', '绵自然资验〔2026〕19号', 'issuedOn', to_char(current_date - 125, 'YYYY-MM-DD'),
                            'title', '梓潼县许州镇宜耕后备资源开发项目竣工验收意见'),
         jsonb_build_object('kind', 'FILING', 'number', '510725-2026-BC-0012', 'issuedOn', to_char(current_date - 108, 'YYYY-MM-DD'),
                            'title', '补充耕地项目国家备案信息')),
     100285, 0, 40120, 0, 72200, 0, 8, '510725-2026-BC-0012', now() - interval '100 days', 'regulator:510700:li.min'),
    (111, 'MYZB-BG-2026-0111', 'FARMLAND_COMPENSATION', 'TOWNSHIP', '510705101', '510705101',
     '安州区花荄镇旱地改水田提质改造项目', 'UPGRADE',
     jsonb_build_array(
         jsonb_build_object('kind', 'ACCEPTANCE', 'number', '绵自然资验〔2026〕21号', 'issuedOn', to_char(current_date - 110, 'YYYY-MM-DD'),
                            'title', '安州区花荄镇旱地改水田提质改造项目竣工验收意见'),
         jsonb_build_object('kind', 'FILING', 'number', '510705-2026-BC-0007', 'issuedOn', to_char(current_date - 95, 'YYYY-MM-DD'),
                            'title', '补充耕地项目国家备案信息')),
     60000, 60000, 60000, 60000, 49500, 49500, 6, '510705-2026-BC-0007', now() - interval '90 days', 'regulator:510700:li.min')
on conflict do nothing;

-- ---------------------------------------------------------------------------------------------------------
-- COLLECTIVE_PARCEL 集体经营性建设用地使用权: parcel, land use, maximum term, planning conditions,
-- collective vote (≥ 2/3 in favour) and county filing (well over 10 working days before the listing starts).
-- ---------------------------------------------------------------------------------------------------------
insert into certificate (id, cert_no, asset_type, holder_kind, holder_code, region_code, source_project, documents,
                         area_m2, frozen_area_m2, parcel_code, land_use, max_term_years, planning_conditions, collective_vote,
                         county_filing_date, issued_at, issued_by) values
    (112, 'MYZB-JT-2026-0112', 'COLLECTIVE_PARCEL', 'TOWNSHIP', '510781101', '510781101',
     '江油市青莲镇陇西村集体经营性建设用地入市项目',
     jsonb_build_array(
         jsonb_build_object('kind', 'VOTE', 'number', '青莲镇陇西村股份经济合作社〔2026〕2号', 'issuedOn', to_char(current_date - 80, 'YYYY-MM-DD'),
                            'title', '陇西村集体经营性建设用地入市决议（成员大会）'),
         jsonb_build_object('kind', 'APPROVAL', 'number', '江自然资规条〔2026〕21号', 'issuedOn', to_char(current_date - 95, 'YYYY-MM-DD'),
                            'title', '江油市自然资源局关于青莲镇陇西村JY-2026-003地块规划条件的函'),
         jsonb_build_object('kind', 'FILING', 'number', '江自然资备〔2026〕9号', 'issuedOn', to_char(current_date - 60, 'YYYY-MM-DD'),
                            'title', '集体经营性建设用地入市方案备案回执')),
     20146, 20146, '510781101-JY-2026-003', 'INDUSTRIAL', 50,
     '{"plotRatioMin":1.0,"plotRatioMax":2.0,"buildingDensityMaxPercent":45,"greenRatioMinPercent":15,"heightLimitM":24}',
     jsonb_build_object('body', 'MEMBERS', 'eligible', 412, 'inFavour', 318, 'votedOn', to_char(current_date - 80, 'YYYY-MM-DD'),
                        'resolutionNo', '青莲镇陇西村股份经济合作社〔2026〕2号'),
     current_date - 60, now() - interval '55 days', 'regulator:510700:li.min'),
    (113, 'MYZB-JT-2026-0113', 'COLLECTIVE_PARCEL', 'TOWNSHIP', '510704101', '510704101',
     '游仙区魏城镇铁炉村集体经营性建设用地入市项目',
     jsonb_build_array(
         jsonb_build_object('kind', 'VOTE', 'number', '魏城镇铁炉村股份经济合作社〔2026〕1号', 'issuedOn', to_char(current_date - 75, 'YYYY-MM-DD'),
                            'title', '铁炉村集体经营性建设用地入市决议（村民代表会议）'),
         jsonb_build_object('kind', 'FILING', 'number', '游自然资备〔2026〕4号', 'issuedOn', to_char(current_date - 55, 'YYYY-MM-DD'),
                            'title', '集体经营性建设用地入市方案备案回执')),
     7986, 7986, '510704101-YX-2026-001', 'COMMERCIAL_TOURISM_ENTERTAINMENT', 40,
     '{"plotRatioMin":1.0,"plotRatioMax":2.5,"buildingDensityMaxPercent":40,"greenRatioMinPercent":20,"heightLimitM":24}',
     jsonb_build_object('body', 'REPRESENTATIVES', 'eligible', 45, 'inFavour', 36, 'votedOn', to_char(current_date - 75, 'YYYY-MM-DD'),
                        'resolutionNo', '魏城镇铁炉村股份经济合作社〔2026〕1号'),
     current_date - 55, now() - interval '50 days', 'regulator:510700:li.min'),
    (114, 'MYZB-JT-2026-0114', 'COLLECTIVE_PARCEL', 'TOWNSHIP', '510705102', '510705102',
     '安州区桑枣镇红武村集体经营性建设用地入市项目（康养中心）',
     jsonb_build_array(
         jsonb_build_object('kind', 'VOTE', 'number', '桑枣镇红武村股份经济合作社〔2026〕3号', 'issuedOn', to_char(current_date - 65, 'YYYY-MM-DD'),
                            'title', '红武村集体经营性建设用地入市决议（成员大会）'),
         jsonb_build_object('kind', 'FILING', 'number', '安自然资备〔2026〕6号', 'issuedOn', to_char(current_date - 45, 'YYYY-MM-DD'),
                            'title', '集体经营性建设用地入市方案备案回执')),
     13420, 13420, '510705102-AZ-2026-002', 'EDUCATION_SCIENCE_CULTURE_HEALTH_SPORTS', 50,
     '{"plotRatioMin":0.8,"plotRatioMax":1.5,"buildingDensityMaxPercent":30,"greenRatioMinPercent":35,"heightLimitM":18}',
     jsonb_build_object('body', 'MEMBERS', 'eligible', 286, 'inFavour', 230, 'votedOn', to_char(current_date - 65, 'YYYY-MM-DD'),
                        'resolutionNo', '桑枣镇红武村股份经济合作社〔2026〕3号'),
     current_date - 45, now() - interval '40 days', 'regulator:510700:li.min'),
    (115, 'MYZB-JT-2026-0115', 'COLLECTIVE_PARCEL', 'TOWNSHIP', '510703101', '510703101',
     '涪城区丰谷镇双碑村集体经营性建设用地入市项目（保障性租赁住房）',
     jsonb_build_array(
         jsonb_build_object('kind', 'VOTE', 'number', '丰谷镇双碑村股份经济合作社〔2026〕1号', 'issuedOn', to_char(current_date - 70, 'YYYY-MM-DD'),
                            'title', '双碑村集体经营性建设用地入市决议（村民代表会议）'),
         jsonb_build_object('kind', 'FILING', 'number', '涪自然资备〔2026〕3号', 'issuedOn', to_char(current_date - 50, 'YYYY-MM-DD'),
                            'title', '集体经营性建设用地入市方案备案回执')),
     16667, 0, '510703101-FC-2026-001', 'RESIDENTIAL', 70,
     '{"plotRatioMin":1.5,"plotRatioMax":2.5,"buildingDensityMaxPercent":25,"greenRatioMinPercent":30,"heightLimitM":45}',
     jsonb_build_object('body', 'REPRESENTATIVES', 'eligible', 39, 'inFavour', 31, 'votedOn', to_char(current_date - 70, 'YYYY-MM-DD'),
                        'resolutionNo', '丰谷镇双碑村股份经济合作社〔2026〕1号'),
     current_date - 50, now() - interval '45 days', 'regulator:510700:li.min')
on conflict do nothing;
