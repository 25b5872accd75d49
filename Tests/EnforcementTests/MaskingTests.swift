import Foundation
import Testing
@testable import Enforcement

@Suite struct MaskingTests {
    @Test func anIDNumberKeepsItsFirstThreeAndLastFourCharacters() {
        #expect(Masking.idCardNumber("11010519491231002X") == "110***********002X")
        #expect(Masking.idCardNumber("11010519491231002x") == "110***********002X")
        #expect(Masking.idCardNumber("110105491231002") == "110********1002")
    }

    @Test func somethingThatIsNotAnIDNumberIsMaskedEntirely() {
        #expect(Masking.idCardNumber("1101051949123100") == "****************")
        #expect(Masking.idCardNumber("11010519491231002Y") == "******************")
    }

    @Test func theIDNumberCheckDigitIsVerified() {
        #expect(Masking.isValidIDCardNumber("11010519491231002X"))
        #expect(!Masking.isValidIDCardNumber("110105194912310021"))
        #expect(Masking.isValidIDCardNumber("110105491231002"))
    }

    @Test func aMobileNumberKeepsThreeAndFourDigits() {
        #expect(Masking.phone("13812345678") == "138****5678")
        #expect(Masking.phone("+86 138 1234 5678") == "138****5678")
        #expect(Masking.phone("138-1234-5678") == "138****5678")
    }

    @Test func aLandlineKeepsItsAreaCodeAndLastTwoDigits() {
        #expect(Masking.phone("0901-8512345") == "0901-*****45")
        #expect(Masking.phone("call me") == "*******")
    }

    @Test func anAddressIsKeptDownToTheCounty() {
        #expect(Masking.address("新疆塔城地区乌苏市虹桥街道北京路12号") == "新疆塔城地区乌苏市****")
        #expect(Masking.address("乌鲁木齐市天山区解放南路3号") == "乌鲁木齐市天山区****")
        #expect(Masking.address("乌苏市阳光小区3号楼2单元") == "乌苏市****")
        #expect(Masking.address("新疆维吾尔自治区乌苏市西湖镇某村") == "新疆维吾尔自治区乌苏市****")
        #expect(Masking.address("北京路12号") == "****")
    }

    @Test func aBankAccountKeepsOnlyItsLastFourDigits() {
        #expect(Masking.bankAccount("6222 0212 3456 7890 123") == "***************0123")
        #expect(Masking.bankAccount("1234") == "****")
    }

    @Test func aThirdPartysNameKeepsOnlyItsFirstCharacter() {
        #expect(Masking.thirdPartyName("张三") == "张*")
        #expect(Masking.thirdPartyName("欧阳娜娜") == "欧***")
        #expect(Masking.thirdPartyName("艾力·买买提") == "艾*·***")
    }

    @Test func namesInNarrativeTextAreMasked() {
        let facts = "乘客张三、李四证实每人支付280元。"
        #expect(Masking.replacingNames(["张三", "李四"], in: facts) == "乘客张*、李*证实每人支付280元。")
    }
}

@Suite struct MaskingPublicationPolicyTests {
    func record(_ kind: PartyKind) throws -> PublicationPolicy.Record {
        PublicationPolicy.Record(
            agency: "乌苏市交通运输局", partyName: "王五", partyKind: kind, partyIDNumber: "11010519491231002X",
            partyPhone: "13812345678", partyAddress: "新疆塔城地区乌苏市虹桥街道北京路12号",
            partyBankAccount: "6222021234567890123", partyHealthInformation: "糖尿病", plate: try PlateNumber("新G12345"),
            violation: "未取得道路运输经营许可，擅自从事道路客运经营；乘客张三证实。", legalBasis: "RTR-63-2023",
            penalty: "罚款10000元", decisionDate: day("2023-10-09"), thirdPartyNames: ["张三"])
    }

    @Test func minorsAndSecretsAreNeverPublished() {
        let policy = PublicationPolicy()
        #expect(policy.decide(isMinor: true, involvesSecrets: false) == .withheld(.partyIsMinor))
        #expect(policy.decide(isMinor: false, involvesSecrets: true) == .withheld(.involvesSecrets))
        #expect(policy.decide(isMinor: false, involvesSecrets: false, endangersSecurity: true) == .withheld(.endangersSecurity))
        #expect(policy.decide(isMinor: false, involvesSecrets: false) == .publishable)
    }

    @Test func anIndividualsPersonalDataIsMaskedAndTheNameKept() throws {
        let masked = PublicationPolicy().maskedRecord(try record(.individual))
        #expect(masked.partyName == "王五")
        #expect(masked.partyIDNumber == "110***********002X")
        #expect(masked.partyPhone == "138****5678")
        #expect(masked.partyAddress == "新疆塔城地区乌苏市****")
        #expect(masked.partyBankAccount == "***************0123")
        #expect(masked.partyHealthInformation == nil)
        #expect(masked.plate == nil)
        #expect(masked.plateText == "新G·1***5")
        #expect(masked.violation == "未取得道路运输经营许可，擅自从事道路客运经营；乘客张*证实。")
        #expect(masked.thirdPartyNames == ["张*"])
    }

    @Test func anOrganisationKeepsItsAddressButNotItsBankAccount() throws {
        let masked = PublicationPolicy(plateMasking: .none).maskedRecord(try record(.organisation))
        #expect(masked.partyAddress == "新疆塔城地区乌苏市虹桥街道北京路12号")
        #expect(masked.partyBankAccount == "***************0123")
        #expect(masked.plateText == "新G·12345")
    }

    @Test func theDefaultPolicyMasksPlatesPartiallyAndSetsNoRetention() throws {
        let policy = PublicationPolicy.standard
        #expect(policy.plateMasking == .partial)
        #expect(policy.retentionDays == nil)
        #expect(policy.takeDownDate(publishedOn: day("2023-10-09")) == nil)
        #expect(PublicationPolicy(retentionDays: 90).takeDownDate(publishedOn: day("2023-10-09")) == day("2024-01-07"))
        let decoded = try JSONDecoder().decode(PublicationPolicy.self, from: JSONEncoder().encode(policy))
        #expect(decoded == policy)
    }
}
