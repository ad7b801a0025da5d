-- Dev seed data, part 1: parties (counties, townships, regulators, enterprises) in and around 绵阳市 Mianyang, Sichuan.
-- Loaded at every dev start, in file-name order, as one statement batch inside one transaction:
-- every insert is idempotent (on conflict do nothing). Times are relative to load time.

-- Counties (区县) of Mianyang: 6-digit county-level division codes; townships reference them.
insert into county (code, name) values
    ('510703', '涪城区'),
    ('510704', '游仙区'),
    ('510705', '安州区'),
    ('510722', '三台县'),
    ('510723', '盐亭县'),
    ('510725', '梓潼县'),
    ('510726', '北川羌族自治县'),
    ('510727', '平武县'),
    ('510781', '江油市')
on conflict do nothing;

-- Townships (乡镇/街道) of Mianyang's counties: 6-digit county code + 3-digit township number.
insert into township (code, name, county_code) values
    ('510703101', '丰谷镇',   '510703'),
    ('510703102', '青义镇',   '510703'),
    ('510704101', '魏城镇',   '510704'),
    ('510704102', '忠兴镇',   '510704'),
    ('510705101', '花荄镇',   '510705'),
    ('510705102', '桑枣镇',   '510705'),
    ('510722101', '芦溪镇',   '510722'),
    ('510722102', '刘营镇',   '510722'),
    ('510722103', '西平镇',   '510722'),
    ('510723101', '富驿镇',   '510723'),
    ('510723102', '金孔镇',   '510723'),
    ('510725101', '许州镇',   '510725'),
    ('510725102', '文昌镇',   '510725'),
    ('510726101', '曲山镇',   '510726'),
    ('510726102', '永安镇',   '510726'),
    ('510726103', '擂鼓镇',   '510726'),
    ('510727101', '龙安镇',   '510727'),
    ('510727102', '南坝镇',   '510727'),
    ('510781002', '中坝街道', '510781'),
    ('510781101', '青莲镇',   '510781'),
    ('510781102', '武都镇',   '510781')
on conflict do nothing;

-- Regulators (自然资源主管部门), keyed by the division code of their jurisdiction.
insert into regulator (code, name) values
    ('510000', '四川省自然资源厅'),
    ('510700', '绵阳市自然资源和规划局'),
    ('510722', '三台县自然资源局'),
    ('510781', '江油市自然资源局')
on conflict do nothing;

-- Enterprises (竞买人) with valid GB 32100-2015 unified social credit codes:
-- 9 VERIFIED, 2 PENDING, 1 REJECTED; local (5107xx), Chengdu, Chongqing, Shenzhen, Beijing, Hangzhou.
insert into enterprise (credit_code, name, legal_representative, contact_person, contact_phone, address, region_code,
                        bank_name, bank_account_name, bank_account_no, status, status_reason, registered_at, reviewed_at, reviewed_by) values
    ('915107036214720006', '绵阳涪江置业有限公司', '王建国', '李娟', '13881612347',
     '四川省绵阳市涪城区临园路东段68号', '510703',
     '中国农业银行绵阳分行', '绵阳涪江置业有限公司', '22410101040012873',
     'VERIFIED', null, now() - interval '210 days', now() - interval '208 days', 'operator:MYJYZX'),
    ('91510704MA6FLUJGXL', '绵阳市游仙区仙海实业有限公司', '陈志刚', '张敏', '13990125568',
     '四川省绵阳市游仙区仙海水利风景区仙海路12号', '510704',
     '中国工商银行绵阳游仙支行', '绵阳市游仙区仙海实业有限公司', '2308412009100238615',
     'VERIFIED', null, now() - interval '180 days', now() - interval '177 days', 'operator:MYJYZX'),
    ('91510705610808736P', '绵阳安州农业发展有限公司', '刘德明', '赵倩', '13881165230',
     '四川省绵阳市安州区花荄镇安昌路256号', '510705',
     '四川农村商业联合银行安州支行', '绵阳安州农业发展有限公司', '88010120000367125',
     'VERIFIED', null, now() - interval '160 days', now() - interval '158 days', 'operator:MYJYZX'),
    ('915107227814907774', '三台县潼川建设投资有限责任公司', '杨永福', '何丽', '13568409217',
     '四川省绵阳市三台县潼川镇北坝路1号', '510722',
     '中国建设银行三台支行', '三台县潼川建设投资有限责任公司', '5105016786360000042',
     'VERIFIED', null, now() - interval '150 days', now() - interval '149 days', 'operator:MYJYZX'),
    ('91510781MA689CHW74', '江油市太白新能源科技有限公司', '黄海涛', '周雪', '18608166602',
     '四川省江油市太白中路99号', '510781',
     '绵阳市商业银行江油支行', '江油市太白新能源科技有限公司', '1140801000023586',
     'VERIFIED', null, now() - interval '120 days', now() - interval '118 days', 'operator:MYJYZX'),
    ('91510100MA60UAE24X', '四川蜀禾农业发展有限公司', '罗文斌', '唐静', '13708226691',
     '四川省成都市锦江区东大街下东大街段99号', '510100',
     '成都银行锦江支行', '四川蜀禾农业发展有限公司', '1001300000812764',
     'VERIFIED', null, now() - interval '100 days', now() - interval '97 days', 'operator:MYJYZX'),
    ('915000005291871430', '重庆渝西地产集团有限公司', '吴国庆', '郑晓燕', '13896058873',
     '重庆市九龙坡区杨家坪正街8号', '500000',
     '中国建设银行重庆分行', '重庆渝西地产集团有限公司', '5000110800005203917',
     'VERIFIED', null, now() - interval '90 days', now() - interval '88 days', 'operator:MYJYZX'),
    ('91440300MA6BYE4585', '深圳市鹏程新能源投资有限公司', '林俊杰', '许婷', '13823790145',
     '广东省深圳市南山区粤海街道科技南十二路18号', '440300',
     '招商银行深圳分行', '深圳市鹏程新能源投资有限公司', '7559364172108026',
     'VERIFIED', null, now() - interval '75 days', now() - interval '73 days', 'operator:MYJYZX'),
    ('911101057571018661', '北京京朝城市更新投资有限公司', '孙立新', '马丽华', '13901185527',
     '北京市朝阳区建国路88号院6号楼', '110105',
     '北京银行朝阳支行', '北京京朝城市更新投资有限公司', '2000003726410004521',
     'VERIFIED', null, now() - interval '60 days', now() - interval '56 days', 'operator:MYJYZX'),
    ('91510100MA64EU8HX9', '成都天府锦程物流有限公司', '谢宏伟', '邓雨', '13550218864',
     '四川省成都市双流区西航港大道中四段99号', '510100',
     '中国银行成都双流支行', '成都天府锦程物流有限公司', '1223580920461357',
     'PENDING', null, now() - interval '4 days', null, null),
    ('91330106MA6QYG254Y', '杭州西溪数智产业园发展有限公司', '钱卫东', '沈佳怡', '13857166320',
     '浙江省杭州市西湖区文二西路738号', '330106',
     '杭州银行西湖支行', '杭州西溪数智产业园发展有限公司', '3301040160018837621',
     'PENDING', null, now() - interval '2 days', null, null),
    ('91510703MA6UWM2R3M', '绵阳市恒瑞商贸有限公司', '冯刚', '冯刚', '13778021496',
     '四川省绵阳市涪城区剑南路西段17号', '510703',
     '中国邮政储蓄银行绵阳分行', '绵阳市恒瑞商贸有限公司', '951006010004731852',
     'REJECTED', '营业执照与申请信息不一致 business licence does not match the application',
     now() - interval '30 days', now() - interval '28 days', 'operator:MYJYZX')
on conflict do nothing;
