import Enforcement

/// The bureau's people, places and vehicles: Chinese names, Wusu places, Xinjiang plates.
enum DemoData {
    static let agencies: [ReferenceData.Agency] = [
        .init(code: "WSJT", nameZh: "乌苏市交通运输局", kind: .transport),
        .init(code: "WSZD", nameZh: "乌苏市交通运输综合行政执法大队", kind: .transport),
        .init(code: "WSJJ", nameZh: "乌苏市公安局交通警察大队", kind: .police),
        .init(code: "WSGA", nameZh: "乌苏市公安局", kind: .police),
        .init(code: "WSSJ", nameZh: "乌苏市市场监督管理局", kind: .marketRegulation),
        .init(code: "WSCG", nameZh: "乌苏市城市管理综合执法局", kind: .urbanManagement),
        .init(code: "WSYJ", nameZh: "乌苏市应急管理局", kind: .emergencyManagement),
        .init(code: "WSWL", nameZh: "乌苏市文化体育广播电视和旅游局", kind: .cultureTourism),
        .init(code: "BQZ", nameZh: "乌苏市百泉镇人民政府", kind: .township),
        .init(code: "GETZ", nameZh: "乌苏市古尔图镇人民政府", kind: .township),
        .init(code: "SKSZ", nameZh: "乌苏市四棵树镇人民政府", kind: .township),
    ]

    /// The agency the annual report is made for: 乌苏市交通运输局.
    static let bureau = "WSJT"

    /// Township governments: they join operations for publicity and report no enforcement results.
    static let townships: Set<String> = ["BQZ", "GETZ", "SKSZ"]

    /// Brigade officers (certified), by id.
    static let brigadeOfficers: [(id: String, name: String)] = [
        ("ZF-01", "王建军"), ("ZF-02", "李红梅"), ("ZF-03", "艾力·买买提"), ("ZF-04", "张志强"),
        ("ZF-05", "刘海涛"), ("ZF-06", "阿依古丽·吐尔逊"), ("ZF-07", "陈国庆"), ("ZF-08", "马晓东"),
        ("ZF-09", "赵文斌"), ("ZF-10", "周丽娟"), ("ZF-11", "努尔兰·别克"), ("ZF-12", "孙建华"),
    ]
    /// The bureau's two legal reviewers (法制审核员) and its head.
    static let reviewers: [(id: String, name: String)] = [("FZ-01", "杨慧敏"), ("FZ-02", "古丽娜尔·艾山")]
    static let bureauHead = (id: "JT-01", name: "韩振东")
    /// The brigade head (大队长), designated approver (审批负责人) of its filings and seizures.
    static let brigadeHead = (id: "ZD-01", name: "何军")
    /// Kept out of every investigation team, so he may chair the brigade's hearings.
    static let hearingChair = "ZF-12"
    /// Who answers referrals for the police, market regulation and urban management, and sends theirs; and who
    /// records the townships' outreach.
    static let liaisonOfficers: [(id: String, name: String, agency: String)] = [
        ("GA-01", "吐尔逊·阿不力孜", "WSGA"), ("SJ-01", "高建平", "WSSJ"), ("CG-01", "田晓燕", "WSCG"),
        ("BQ-01", "王秀兰", "BQZ"), ("GE-01", "哈力木·托合提", "GETZ"),
    ]
    /// Who records an agency's outreach activities: one of its own officers.
    static func recorder(of agency: String) -> String {
        switch agency {
        case "WSJT": bureauHead.id
        case "WSZD": "ZF-01"
        default: liaisonOfficers.first { $0.agency == agency }?.id ?? "ZF-01"
        }
    }
    /// Traffic police officers who take part in joint operations.
    static let policeOfficers: [(id: String, name: String)] = [("JJ-01", "马俊"), ("JJ-02", "吴刚"), ("JJ-03", "巴图")]

    static let surnames = Array("王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
    static let uyghurNames = ["买买提·吐尔逊", "艾尔肯·阿不都", "热合曼·依明", "吐尔洪·卡德尔", "阿不来提·艾买提",
                              "努尔麦麦提·肉孜", "阿里木·斯拉木", "亚森·卡斯木"]
    static let kazakhNames = ["叶尔兰·努尔江", "别克·哈那提", "阿斯哈尔·吾拉尔", "达吾列提·加肯"]
    static let givenNames = ["军", "伟", "强", "磊", "洋", "勇", "杰", "涛", "明", "超", "刚", "平", "辉", "鹏",
                             "志刚", "建新", "海军", "国强", "永红", "新民", "振华", "文杰", "小龙", "晓峰"]

    static let places = ["乌苏市火车站广场", "乌苏市客运站", "乌苏市人民医院门口", "乌苏市新市区南苑路口",
                         "奎屯—乌苏城际路口", "G312线乌苏段", "G30连霍高速乌苏收费站", "乌苏市北京路与虹桥路交叉口",
                         "百泉镇集贸市场", "古尔图镇街道", "四棵树镇路口", "西湖镇客运招呼站", "乌苏市汽车站出口",
                         "车排子镇路口", "甘河子镇十字路口"]

    static let companies = ["乌苏市顺达运输有限公司", "乌苏市天路客运有限责任公司", "乌苏市金桥机动车驾驶员培训有限公司",
                            "乌苏市安泰驾驶培训学校", "塔城地区西域客运有限公司", "乌苏市鑫源危险货物运输有限公司",
                            "乌苏市通达汽车客运站有限公司", "奎屯市畅行出租汽车有限公司"]

    static let rideHailingPlatforms = ["滴滴出行", "花小猪", "曹操出行", "T3出行"]

    static func personName(_ random: inout DemoRandom) -> String {
        switch random.int(1...10) {
        case 1: return random.pick(uyghurNames)
        case 2: return random.pick(kazakhNames)
        default: return String(random.pick(surnames)) + random.pick(givenNames)
        }
    }

    /// 新G (塔城地区, Wusu's prefecture) mostly, some 新F (伊犁) and 新D (奎屯) cars.
    static func plate(_ random: inout DemoRandom) -> String {
        let office = random.chance(80) ? "G" : random.pick(["F", "D", "A"])
        let letters = Array("ABCDEFGHJKLMNPQRSTUVWXYZ")
        var serial = String(letters[random.int(0...(letters.count - 1))])
        for _ in 0..<4 { serial += String(random.int(0...9)) }
        return "新\(office)·\(serial)"
    }

    /// An 18-character resident id of 乌苏市 (654202) shape, unique per `index`.
    static func residentId(index: Int, _ random: inout DemoRandom) -> String {
        let year = random.int(1962...2000), month = random.int(1...12), day = random.int(1...28)
        let serial = String(format: "%03d", index % 1000)
        let check = Array("0123456789X")[(index * 7 + year) % 11]
        return String(format: "654202%04d%02d%02d", year, month, day) + serial + String(check)
    }

    /// A unified social credit code shape, unique per `index`.
    static func creditCode(index: Int) -> String {
        "91654202MA" + String(format: "%07d", 1_000_000 + index) + "X"
    }
}
