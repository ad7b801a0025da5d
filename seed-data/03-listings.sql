-- Dev seed data, part 3: listings (ids 201-212) and their status history (ids 301-349), ids below 1000.
-- Every listing obeys the listing rules at load time: lot within the certificate, deposit 20-100 % of the start
-- price, announcement >= 20 days before listing_start, listing period >= 15 calendar days (>= 10 working days),
-- registration closes >= 5 days before listing_end. Times are relative to load time.
--
--   id  status          asset type             seller     lot
--   201 LISTING         LINKAGE_SURPLUS        510722101  100 亩 (whole cert 104)
--   202 LISTING         FARMLAND_COMPENSATION  510722103  120 亩, paddy 80 亩, 60,000 kg (part of cert 109)
--   203 LISTING         COLLECTIVE_PARCEL      510781101  whole parcel 510781101-JY-2026-003 (cert 112), industrial, 50 years
--   204 LISTING         CONSTRUCTION_QUOTA     510722101  60 亩 (part of cert 101)
--   205 SUSPENDED       LINKAGE_SURPLUS        510726101  45 亩 (whole cert 106), suspended while LISTING
--   206 ANNOUNCED       LINKAGE_SURPLUS        510781101  120 亩 (part of cert 105)
--   207 TERMINATED      LINKAGE_SURPLUS        510723101  182.11 亩 (whole cert 107), freeze released
--   208 APPROVED        CONSTRUCTION_QUOTA     510781102  80 亩 (whole cert 103), announces in 3 days
--   209 PENDING_REVIEW  COLLECTIVE_PARCEL      510704101  whole parcel (cert 113), commercial, 40 years
--   210 REJECTED        FARMLAND_COMPENSATION  510725101  100 亩 (part of cert 110), freeze released
--   211 DRAFT           FARMLAND_COMPENSATION  510705101  90 亩 paddy (whole cert 111)
--   212 ANNOUNCED       COLLECTIVE_PARCEL      510705102  whole parcel (cert 114), health care, 40 years

insert into listing (id, listing_no, title, description, certificate_id, seller_code, asset_type, region_code,
                     lot_area_m2, lot_paddy_area_m2, lot_grain_capacity_kg, land_use, term_years,
                     start_price_fen, increment_fen, deposit_fen, price_cap_fen, reserve_price_fen,
                     announce_at, registration_deadline, listing_start, listing_end, countdown_seconds,
                     eligible_regions, payment_terms, status, suspended_from, suspended_at, status_reason,
                     created_at, submitted_at, reviewed_at, reviewed_by, announced_at) values
    -- 201 LISTING: 芦溪镇 linkage surplus, 200,000 元/亩, Sichuan bidders only, instalments.
    (201, 'GT-510700-2026-0001', '三台县芦溪镇增减挂钩节余指标（100亩）挂牌出让',
     '三台县芦溪镇增减挂钩拆旧复垦项目验收形成的节余指标，经绵自然资验〔2025〕37号验收确认，整体挂牌出让。',
     104, '510722101', 'LINKAGE_SURPLUS', '510722101',
     66667, null, null, null, null,
     2000000000, 20000000, 400000000, 3000000000, null,
     now() - interval '30 days', now() + interval '5 days', now() - interval '8 days', now() + interval '12 days', 300,
     '["51"]', '{"mode":"INSTALMENTS","confirmWithinWorkingDays":3,"firstSharePercent":50,"firstDueDays":30,"balanceDueDays":180}',
     'LISTING', null, null, null,
     now() - interval '40 days', now() - interval '38 days', now() - interval '35 days', 'regulator:510700:wang.fang',
     now() - interval '30 days' + interval '1 second'),
    -- 202 LISTING: 西平镇 farmland compensation, part of the certificate, 80,000 元/亩, open to all, with reserve.
    (202, 'GT-510700-2026-0002', '三台县西平镇补充耕地指标（120亩，含水田80亩）挂牌出让',
     '三台县西平镇土地整理项目新增耕地形成的补充耕地指标，耕地质量等别7等，国家备案号510722-2025-BC-0031。本次出让耕地120亩（其中水田80亩），粮食产能60000公斤。',
     109, '510722103', 'FARMLAND_COMPENSATION', '510722103',
     80000, 53333, 60000, null, null,
     960000000, 10000000, 200000000, null, 1000000000,
     now() - interval '36 days', now() + interval '2 days', now() - interval '14 days', now() + interval '9 days', 240,
     '[]', '{"mode":"FULL","confirmWithinWorkingDays":5,"firstSharePercent":100,"firstDueDays":30,"balanceDueDays":null}',
     'LISTING', null, null, null,
     now() - interval '45 days', now() - interval '44 days', now() - interval '41 days', 'regulator:510700:wang.fang',
     now() - interval '36 days' + interval '1 second'),
    -- 203 LISTING: 青莲镇 collective industrial parcel, whole parcel, total price; registration already closed.
    (203, 'GT-510700-2026-0003', '江油市青莲镇陇西村JY-2026-003地块集体经营性建设用地使用权（工业，50年）挂牌出让',
     '青莲镇陇西村集体经营性建设用地，面积20146平方米，用途工业，出让年限50年，容积率1.0-2.0。入市决议经成员大会318/412票通过，已报江油市备案。',
     112, '510781101', 'COLLECTIVE_PARCEL', '510781101',
     20146, null, null, 'INDUSTRIAL', 50,
     423000000, 5000000, 100000000, null, null,
     now() - interval '40 days', now() - interval '2 days', now() - interval '18 days', now() + interval '4 days', 300,
     '[]', '{"mode":"FULL","confirmWithinWorkingDays":5,"firstSharePercent":100,"firstDueDays":30,"balanceDueDays":null}',
     'LISTING', null, null, null,
     now() - interval '50 days', now() - interval '48 days', now() - interval '44 days', 'regulator:510700:wang.fang',
     now() - interval '40 days' + interval '1 second'),
    -- 204 LISTING: 芦溪镇 2026 construction quota, 60 of its 150 亩, 180,000 元/亩, Mianyang bidders only.
    (204, 'GT-510700-2026-0004', '三台县芦溪镇2026年度新增建设用地计划指标（60亩）挂牌出让',
     '三台县芦溪镇持有的2026年度新增建设用地计划指标，本次出让60亩，限绵阳市行政区域内竞买人参与。',
     101, '510722101', 'CONSTRUCTION_QUOTA', '510722101',
     40000, null, null, null, null,
     1080000000, 10000000, 216000000, 1620000000, null,
     now() - interval '27 days', now() + interval '9 days', now() - interval '5 days', now() + interval '16 days', 300,
     '["5107"]', '{"mode":"INSTALMENTS","confirmWithinWorkingDays":3,"firstSharePercent":50,"firstDueDays":30,"balanceDueDays":180}',
     'LISTING', null, null, null,
     now() - interval '33 days', now() - interval '32 days', now() - interval '30 days', 'regulator:510700:wang.fang',
     now() - interval '27 days' + interval '1 second'),
    -- 205 SUSPENDED (from LISTING): 曲山镇 linkage surplus, ownership dispute reported yesterday.
    (205, 'GT-510700-2026-0005', '北川羌族自治县曲山镇增减挂钩节余指标（45亩）挂牌出让',
     '北川羌族自治县曲山镇增减挂钩拆旧复垦项目节余指标，经绵自然资验〔2026〕11号验收确认，整体挂牌出让。',
     106, '510726101', 'LINKAGE_SURPLUS', '510726101',
     30000, null, null, null, null,
     720000000, 5000000, 150000000, 1080000000, 750000000,
     now() - interval '34 days', now() + interval '1 day', now() - interval '12 days', now() + interval '8 days', 240,
     '["51"]', '{"mode":"FULL","confirmWithinWorkingDays":5,"firstSharePercent":100,"firstDueDays":30,"balanceDueDays":null}',
     'SUSPENDED', 'LISTING', now() - interval '1 day', '群众举报权属争议，暂停核查 ownership dispute reported, suspended for review',
     now() - interval '42 days', now() - interval '41 days', now() - interval '38 days', 'regulator:510700:wang.fang',
     now() - interval '34 days' + interval '1 second'),
    -- 206 ANNOUNCED: 青莲镇 linkage surplus, 120 of its 260.28 亩, bidding opens in 7 days.
    (206, 'GT-510700-2026-0006', '江油市青莲镇增减挂钩节余指标（120亩）挂牌出让',
     '江油市青莲镇增减挂钩拆旧复垦项目（二期）节余指标，经绵自然资验〔2026〕8号验收确认，本次出让120亩。',
     105, '510781101', 'LINKAGE_SURPLUS', '510781101',
     80000, null, null, null, null,
     2640000000, 20000000, 600000000, 3960000000, null,
     now() - interval '15 days', now() + interval '21 days', now() + interval '7 days', now() + interval '28 days', 300,
     '[]', '{"mode":"INSTALMENTS","confirmWithinWorkingDays":3,"firstSharePercent":50,"firstDueDays":30,"balanceDueDays":180}',
     'ANNOUNCED', null, null, null,
     now() - interval '20 days', now() - interval '19 days', now() - interval '17 days', 'regulator:510700:wang.fang',
     now() - interval '15 days' + interval '1 second'),
    -- 207 TERMINATED (while LISTING): 富驿镇 linkage surplus, re-inspection failed; the freeze was released.
    (207, 'GT-510700-2026-0007', '盐亭县富驿镇增减挂钩节余指标（182.11亩）挂牌出让',
     '盐亭县富驿镇增减挂钩拆旧复垦项目节余指标，经绵自然资验〔2025〕29号验收确认，整体挂牌出让。',
     107, '510723101', 'LINKAGE_SURPLUS', '510723101',
     121406, null, null, null, null,
     3096000000, 30000000, 620000000, null, null,
     now() - interval '60 days', now() - interval '24 days', now() - interval '38 days', now() - interval '17 days', 300,
     '["51"]', '{"mode":"FULL","confirmWithinWorkingDays":5,"firstSharePercent":100,"firstDueDays":30,"balanceDueDays":null}',
     'TERMINATED', null, null, '拆旧复垦地块复核发现部分地块未达耕种条件，终止挂牌 reclamation re-inspection found plots not fit for cultivation, listing terminated',
     now() - interval '70 days', now() - interval '68 days', now() - interval '65 days', 'regulator:510700:wang.fang',
     now() - interval '60 days' + interval '1 second'),
    -- 208 APPROVED: 武都镇 2026 construction quota, announcement due in 3 days (the timeline will announce it).
    (208, 'GT-510700-2026-0008', '江油市武都镇2026年度新增建设用地计划指标（80亩）挂牌出让',
     '江油市武都镇持有的2026年度新增建设用地计划指标，整体挂牌出让。',
     103, '510781102', 'CONSTRUCTION_QUOTA', '510781102',
     53333, null, null, null, null,
     1680000000, 10000000, 340000000, 2520000000, 1750000000,
     now() + interval '3 days', now() + interval '39 days', now() + interval '25 days', now() + interval '46 days', 300,
     '[]', '{"mode":"FULL","confirmWithinWorkingDays":5,"firstSharePercent":100,"firstDueDays":30,"balanceDueDays":null}',
     'APPROVED', null, null, null,
     now() - interval '10 days', now() - interval '9 days', now() - interval '6 days', 'regulator:510700:wang.fang', null),
    -- 209 PENDING_REVIEW: 魏城镇 collective commercial parcel, waiting for the regulator.
    (209, 'GT-510700-2026-0009', '游仙区魏城镇铁炉村YX-2026-001地块集体经营性建设用地使用权（商服，40年）挂牌出让',
     '魏城镇铁炉村集体经营性建设用地，面积7986平方米，用途商服（商业/旅游/娱乐），出让年限40年。入市决议经村民代表会议36/45票通过，已报游仙区备案。',
     113, '510704101', 'COLLECTIVE_PARCEL', '510704101',
     7986, null, null, 'COMMERCIAL_TOURISM_ENTERTAINMENT', 40,
     480000000, 5000000, 100000000, null, 500000000,
     now() + interval '10 days', now() + interval '46 days', now() + interval '32 days', now() + interval '53 days', 240,
     '["51"]', '{"mode":"INSTALMENTS","confirmWithinWorkingDays":5,"firstSharePercent":50,"firstDueDays":30,"balanceDueDays":180}',
     'PENDING_REVIEW', null, null, null,
     now() - interval '5 days', now() - interval '3 days', null, null, null),
    -- 210 REJECTED: 许州镇 farmland compensation; deposit is the system minimum (20 %) but below the local rule.
    (210, 'GT-510700-2026-0010', '梓潼县许州镇补充耕地指标（100亩，含水田40亩）挂牌出让',
     '梓潼县许州镇宜耕后备资源开发项目新增耕地形成的补充耕地指标，耕地质量等别8等，本次出让100亩（其中水田40亩），粮食产能48000公斤。',
     110, '510725101', 'FARMLAND_COMPENSATION', '510725101',
     66667, 26667, 48000, null, null,
     700000000, 5000000, 140000000, null, null,
     now() + interval '6 days', now() + interval '42 days', now() + interval '28 days', now() + interval '49 days', 300,
     '[]', '{"mode":"FULL","confirmWithinWorkingDays":5,"firstSharePercent":100,"firstDueDays":30,"balanceDueDays":null}',
     'REJECTED', null, null, '保证金比例低于规定：补充耕地指标竞买保证金不得低于起始价的30%（现为20%） deposit below the required ratio: at least 30 % of the start price for farmland compensation (20 % given)',
     now() - interval '12 days', now() - interval '11 days', now() - interval '8 days', 'regulator:510700:wang.fang', null),
    -- 211 DRAFT: 花荄镇 paddy-field compensation, not yet submitted.
    (211, 'GT-510700-2026-0011', '安州区花荄镇补充耕地指标（90亩水田）挂牌出让',
     '安州区花荄镇旱地改水田提质改造项目形成的补充耕地指标，全部为水田，耕地质量等别6等，粮食产能49500公斤。',
     111, '510705101', 'FARMLAND_COMPENSATION', '510705101',
     60000, 60000, 49500, null, null,
     1080000000, 10000000, 220000000, null, null,
     now() + interval '25 days', now() + interval '61 days', now() + interval '47 days', now() + interval '68 days', 240,
     '["51"]', '{"mode":"INSTALMENTS","confirmWithinWorkingDays":3,"firstSharePercent":50,"firstDueDays":30,"balanceDueDays":180}',
     'DRAFT', null, null, null,
     now() - interval '2 days', null, null, null, null),
    -- 212 ANNOUNCED: 桑枣镇 collective parcel for a health-care centre, bidding opens in 4 days.
    (212, 'GT-510700-2026-0012', '安州区桑枣镇红武村AZ-2026-002地块集体经营性建设用地使用权（康养，40年）挂牌出让',
     '桑枣镇红武村集体经营性建设用地，面积13420平方米，用途教育/科研/文化/卫生/体育（康养中心），出让年限40年。入市决议经成员大会230/286票通过，已报安州区备案。',
     114, '510705102', 'COLLECTIVE_PARCEL', '510705102',
     13420, null, null, 'EDUCATION_SCIENCE_CULTURE_HEALTH_SPORTS', 40,
     500000000, 5000000, 100000000, 750000000, null,
     now() - interval '18 days', now() + interval '18 days', now() + interval '4 days', now() + interval '25 days', 300,
     '[]', '{"mode":"FULL","confirmWithinWorkingDays":5,"firstSharePercent":100,"firstDueDays":30,"balanceDueDays":null}',
     'ANNOUNCED', null, null, null,
     now() - interval '30 days', now() - interval '29 days', now() - interval '27 days', 'regulator:510700:wang.fang',
     now() - interval '18 days' + interval '1 second')
on conflict do nothing;

-- Status history: every transition each listing went through, at the times recorded on the listing.
insert into listing_history (id, listing_id, from_status, to_status, at, actor, reason) values
    -- 201 芦溪镇 linkage surplus: LISTING
    (301, 201, null,             'DRAFT',          now() - interval '40 days',                       'township:510722101:zhang.wei',  null),
    (302, 201, 'DRAFT',          'PENDING_REVIEW', now() - interval '38 days',                       'township:510722101:zhang.wei',  null),
    (303, 201, 'PENDING_REVIEW', 'APPROVED',       now() - interval '35 days',                       'regulator:510700:wang.fang',    null),
    (304, 201, 'APPROVED',       'ANNOUNCED',      now() - interval '30 days' + interval '1 second', 'system:timeline',               null),
    (305, 201, 'ANNOUNCED',      'LISTING',        now() - interval '8 days' + interval '1 second',  'system:timeline',               null),
    -- 202 西平镇 farmland compensation: LISTING
    (306, 202, null,             'DRAFT',          now() - interval '45 days',                       'township:510722103:liu.yang',   null),
    (307, 202, 'DRAFT',          'PENDING_REVIEW', now() - interval '44 days',                       'township:510722103:liu.yang',   null),
    (308, 202, 'PENDING_REVIEW', 'APPROVED',       now() - interval '41 days',                       'regulator:510700:wang.fang',    null),
    (309, 202, 'APPROVED',       'ANNOUNCED',      now() - interval '36 days' + interval '1 second', 'system:timeline',               null),
    (310, 202, 'ANNOUNCED',      'LISTING',        now() - interval '14 days' + interval '1 second', 'system:timeline',               null),
    -- 203 青莲镇 collective industrial parcel: LISTING
    (311, 203, null,             'DRAFT',          now() - interval '50 days',                       'township:510781101:li.na',      null),
    (312, 203, 'DRAFT',          'PENDING_REVIEW', now() - interval '48 days',                       'township:510781101:li.na',      null),
    (313, 203, 'PENDING_REVIEW', 'APPROVED',       now() - interval '44 days',                       'regulator:510700:wang.fang',    null),
    (314, 203, 'APPROVED',       'ANNOUNCED',      now() - interval '40 days' + interval '1 second', 'system:timeline',               null),
    (315, 203, 'ANNOUNCED',      'LISTING',        now() - interval '18 days' + interval '1 second', 'system:timeline',               null),
    -- 204 芦溪镇 construction quota: LISTING
    (316, 204, null,             'DRAFT',          now() - interval '33 days',                       'township:510722101:zhang.wei',  null),
    (317, 204, 'DRAFT',          'PENDING_REVIEW', now() - interval '32 days',                       'township:510722101:zhang.wei',  null),
    (318, 204, 'PENDING_REVIEW', 'APPROVED',       now() - interval '30 days',                       'regulator:510700:wang.fang',    null),
    (319, 204, 'APPROVED',       'ANNOUNCED',      now() - interval '27 days' + interval '1 second', 'system:timeline',               null),
    (320, 204, 'ANNOUNCED',      'LISTING',        now() - interval '5 days' + interval '1 second',  'system:timeline',               null),
    -- 205 曲山镇 linkage surplus: LISTING, then SUSPENDED
    (321, 205, null,             'DRAFT',          now() - interval '42 days',                       'township:510726101:he.jun',     null),
    (322, 205, 'DRAFT',          'PENDING_REVIEW', now() - interval '41 days',                       'township:510726101:he.jun',     null),
    (323, 205, 'PENDING_REVIEW', 'APPROVED',       now() - interval '38 days',                       'regulator:510700:wang.fang',    null),
    (324, 205, 'APPROVED',       'ANNOUNCED',      now() - interval '34 days' + interval '1 second', 'system:timeline',               null),
    (325, 205, 'ANNOUNCED',      'LISTING',        now() - interval '12 days' + interval '1 second', 'system:timeline',               null),
    (326, 205, 'LISTING',        'SUSPENDED',      now() - interval '1 day',                         'regulator:510700:wang.fang',
     '群众举报权属争议，暂停核查 ownership dispute reported, suspended for review'),
    -- 206 青莲镇 linkage surplus: ANNOUNCED
    (327, 206, null,             'DRAFT',          now() - interval '20 days',                       'township:510781101:li.na',      null),
    (328, 206, 'DRAFT',          'PENDING_REVIEW', now() - interval '19 days',                       'township:510781101:li.na',      null),
    (329, 206, 'PENDING_REVIEW', 'APPROVED',       now() - interval '17 days',                       'regulator:510700:wang.fang',    null),
    (330, 206, 'APPROVED',       'ANNOUNCED',      now() - interval '15 days' + interval '1 second', 'system:timeline',               null),
    -- 207 富驿镇 linkage surplus: LISTING, then TERMINATED
    (331, 207, null,             'DRAFT',          now() - interval '70 days',                       'township:510723101:yang.fan',   null),
    (332, 207, 'DRAFT',          'PENDING_REVIEW', now() - interval '68 days',                       'township:510723101:yang.fan',   null),
    (333, 207, 'PENDING_REVIEW', 'APPROVED',       now() - interval '65 days',                       'regulator:510700:wang.fang',    null),
    (334, 207, 'APPROVED',       'ANNOUNCED',      now() - interval '60 days' + interval '1 second', 'system:timeline',               null),
    (335, 207, 'ANNOUNCED',      'LISTING',        now() - interval '38 days' + interval '1 second', 'system:timeline',               null),
    (336, 207, 'LISTING',        'TERMINATED',     now() - interval '30 days',                       'regulator:510700:wang.fang',
     '拆旧复垦地块复核发现部分地块未达耕种条件，终止挂牌 reclamation re-inspection found plots not fit for cultivation, listing terminated'),
    -- 208 武都镇 construction quota: APPROVED
    (337, 208, null,             'DRAFT',          now() - interval '10 days',                       'township:510781102:zhao.lei',   null),
    (338, 208, 'DRAFT',          'PENDING_REVIEW', now() - interval '9 days',                        'township:510781102:zhao.lei',   null),
    (339, 208, 'PENDING_REVIEW', 'APPROVED',       now() - interval '6 days',                        'regulator:510700:wang.fang',    null),
    -- 209 魏城镇 collective commercial parcel: PENDING_REVIEW
    (340, 209, null,             'DRAFT',          now() - interval '5 days',                        'township:510704101:chen.li',    null),
    (341, 209, 'DRAFT',          'PENDING_REVIEW', now() - interval '3 days',                        'township:510704101:chen.li',    null),
    -- 210 许州镇 farmland compensation: REJECTED
    (342, 210, null,             'DRAFT',          now() - interval '12 days',                       'township:510725101:huang.bo',   null),
    (343, 210, 'DRAFT',          'PENDING_REVIEW', now() - interval '11 days',                       'township:510725101:huang.bo',   null),
    (344, 210, 'PENDING_REVIEW', 'REJECTED',       now() - interval '8 days',                        'regulator:510700:wang.fang',
     '保证金比例低于规定：补充耕地指标竞买保证金不得低于起始价的30%（现为20%） deposit below the required ratio: at least 30 % of the start price for farmland compensation (20 % given)'),
    -- 211 花荄镇 farmland compensation: DRAFT
    (345, 211, null,             'DRAFT',          now() - interval '2 days',                        'township:510705101:xu.jing',    null),
    -- 212 桑枣镇 collective health-care parcel: ANNOUNCED
    (346, 212, null,             'DRAFT',          now() - interval '30 days',                       'township:510705102:sun.hao',    null),
    (347, 212, 'DRAFT',          'PENDING_REVIEW', now() - interval '29 days',                       'township:510705102:sun.hao',    null),
    (348, 212, 'PENDING_REVIEW', 'APPROVED',       now() - interval '27 days',                       'regulator:510700:wang.fang',    null),
    (349, 212, 'APPROVED',       'ANNOUNCED',      now() - interval '18 days' + interval '1 second', 'system:timeline',               null)
on conflict do nothing;
