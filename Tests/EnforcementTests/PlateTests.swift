import Testing
import Foundation
@testable import Enforcement

@Suite struct PlateTests {
    @Test(arguments: [
        ("新G12345", "新G·12345"), ("新G·12345", "新G·12345"), ("新g 12345", "新G·12345"),
        ("  京A·AB123 ", "京A·AB123"), ("粤B·D12345", "粤B·D12345"), ("沪A·12345F", "沪A·12345F"),
        ("新Ｇ１２３４５", "新G·12345"), ("新G·1234学", "新G·1234学"), ("新G•12345", "新G·12345"),
    ])
    func validPlatesAreNormalised(input: String, normalised: String) throws {
        #expect(try PlateNumber(input).text == normalised)
    }

    @Test func aNewEnergyPlateHasSixSerialCharacters() throws {
        #expect(try PlateNumber("新G·D12345").isNewEnergy)
        #expect(try !PlateNumber("新G·12345").isNewEnergy)
    }

    @Test func anUnknownProvinceIsRefusedWithAnExample() {
        #expect(throws: PlateError.unknownProvince(text: "港A12345")) { try PlateNumber("港A12345") }
        #expect(throws: PlateError.unknownProvince(text: "G12345")) { try PlateNumber("G12345") }
        let message = PlateError.unknownProvince(text: "港A12345").message
        #expect(message.contains("新G·12345"))
    }

    @Test func aMissingIssuingLetterIsRefused() {
        #expect(throws: PlateError.missingIssuingLetter(text: "新112345")) { try PlateNumber("新112345") }
    }

    @Test(arguments: ["新G1234", "新G1234567", "新G·", "新G··12345"])
    func aWrongLengthIsRefused(input: String) {
        #expect(throws: PlateError.self) { try PlateNumber(input) }
    }

    @Test func theLettersIAndOAreRefusedBecauseTheyLookLikeDigits() {
        #expect(throws: PlateError.invalidCharacter(text: "新G1O345", character: "O")) { try PlateNumber("新G1O345") }
        #expect(PlateError.invalidCharacter(text: "新G1O345", character: "O").message.contains("without I and O"))
    }

    @Test(arguments: ["新G·A12345", "新G·D1234F", "新G·1234D5"])
    func sixCharactersThatAreNotNewEnergyAreRefused(input: String) {
        #expect(throws: PlateError.notANewEnergyPattern(text: input)) { try PlateNumber(input) }
    }

    @Test func anEmptyPlateIsRefused() {
        #expect(throws: PlateError.empty) { try PlateNumber("  ") }
    }

    @Test func platesAreMaskedPerPolicy() throws {
        let plate = try PlateNumber("新G12345")
        #expect(plate.masked(.none) == "新G·12345")
        #expect(plate.masked(.partial) == "新G·1***5")
        #expect(plate.masked(.full) == "新G·*****")
        #expect(try PlateNumber("新G·D12345").masked(.partial) == "新G·D****5")
    }

    @Test func aPlateRoundTripsThroughJSONAsItsNormalisedText() throws {
        let plate = try PlateNumber("新g 12345")
        let data = try JSONEncoder().encode([plate])
        #expect(String(decoding: data, as: UTF8.self) == "[\"新G·12345\"]")
        #expect(try JSONDecoder().decode([PlateNumber].self, from: data) == [plate])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([PlateNumber].self, from: Data("[\"X1\"]".utf8)) }
    }
}
