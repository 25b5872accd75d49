import Foundation

/// Masking of personal data in published decisions (DOMAIN.md §6; domain-notes §2.4).
///
/// Every function is total: text that does not look like what it should be is masked entirely,
/// never published as is, because a typo must not leak data. `*` replaces hidden characters.
public enum Masking {
    /// A resident ID-card number: the first 3 and last 4 characters stay (`650***********123X`),
    /// hiding the county code and the birth date. Lower-case `x` is printed as `X`.
    /// Anything that is not 18 (or legacy 15) characters of the right form is masked entirely.
    public static func idCardNumber(_ text: String) -> String {
        let id = compact(text).uppercased()
        guard isWellFormedIDCardNumber(id) else { return stars(id.count) }
        return keep(id, first: 3, last: 4)
    }

    /// Whether `text` is an 18-character ID number whose check digit (ISO 7064 MOD 11-2) matches,
    /// or a legacy 15-digit number.
    public static func isValidIDCardNumber(_ text: String) -> Bool {
        let id = Array(compact(text).uppercased())
        guard isWellFormedIDCardNumber(String(id)) else { return false }
        if id.count == 15 { return true }
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        let sum = zip(id.prefix(17), weights).reduce(0) { $0 + $1.0.wholeNumberValue! * $1.1 }
        let check: Character = Array("10X98765432")[sum % 11]
        return id[17] == check
    }

    /// A phone number. Mainland mobiles (11 digits starting with 1, optionally with +86) keep the
    /// first 3 and last 4 digits (`138****5678`); other numbers keep an area code before `-` and
    /// the last 2 digits (`0901-*****67`).
    public static func phone(_ text: String) -> String {
        var digits = compact(text).replacingOccurrences(of: "-", with: "")
        if digits.hasPrefix("+86") { digits.removeFirst(3) }
        if digits.count == 11, digits.first == "1", digits.allSatisfy(\.isASCIIDigit) {
            return keep(digits, first: 3, last: 4)
        }
        let parts = compact(text).split(separator: "-", maxSplits: 1).map(String.init)
        if parts.count == 2, parts[0].allSatisfy(\.isASCIIDigit), parts[1].allSatisfy(\.isASCIIDigit), parts[1].count > 2 {
            return parts[0] + "-" + keep(parts[1], first: 0, last: 2)
        }
        return stars(max(text.count, 4))
    }

    /// An address, kept down to the county-level unit (`新疆塔城地区乌苏市****`).
    ///
    /// Everything from the first street-level word (街道, 路, 镇, 村, 小区, 号 …) is hidden, and the
    /// kept part ends at its last administrative suffix (省, 区, 州, 市, 县, 旗, 盟). An address with
    /// no recognisable administrative part is masked entirely.
    public static func address(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        var end = trimmed.endIndex
        for marker in streetMarkers {
            if let range = trimmed.range(of: marker), range.lowerBound < end { end = range.lowerBound }
        }
        let head = trimmed[..<end]
        guard let last = head.lastIndex(where: { administrativeSuffixes.contains($0) }) else { return "****" }
        return String(head[...last]) + "****"
    }

    static let streetMarkers = ["街道", "小区", "社区", "大道", "路", "街", "巷", "弄", "镇", "乡", "村", "团",
                                "号", "楼", "室", "单元", "公寓", "花园", "大厦"]
    static let administrativeSuffixes: Set<Character> = Set("省区州市县旗盟")

    /// A bank account: only the last 4 digits stay (`***************1234`), spaces removed.
    public static func bankAccount(_ text: String) -> String {
        let account = compact(text)
        guard account.count > 8 else { return stars(account.count) }
        return keep(account, first: 0, last: 4)
    }

    /// The name of a natural person other than the party: the first character stays and every
    /// other character becomes `*`, keeping the `·` of transliterated names (`张*`, `艾*·****`).
    public static func thirdPartyName(_ text: String) -> String {
        let name = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let first = name.first else { return "" }
        return String(first) + String(name.dropFirst().map { "·• ".contains($0) ? $0 : "*" })
    }

    /// `text` with every occurrence of each name replaced by its masked form (for narrative fields
    /// such as the facts of the violation). Longer names are replaced first so 欧阳娜 does not clip 欧阳娜娜.
    public static func replacingNames(_ names: [String], in text: String) -> String {
        names.filter { !$0.isEmpty }.sorted { $0.count > $1.count }.reduce(text) { result, name in
            result.replacingOccurrences(of: name, with: thirdPartyName(name))
        }
    }

    // MARK: - Helpers

    static func isWellFormedIDCardNumber(_ id: String) -> Bool {
        let characters = Array(id)
        if characters.count == 15 { return characters.allSatisfy(\.isASCIIDigit) }
        guard characters.count == 18 else { return false }
        return characters.prefix(17).allSatisfy(\.isASCIIDigit) && (characters[17].isASCIIDigit || characters[17] == "X")
    }

    static func compact(_ text: String) -> String { text.filter { !$0.isWhitespace } }
    static func stars(_ count: Int) -> String { String(repeating: "*", count: count) }

    static func keep(_ text: String, first: Int, last: Int) -> String {
        let characters = Array(text)
        guard characters.count > first + last else { return stars(characters.count) }
        return String(characters.prefix(first)) + stars(characters.count - first - last) + String(characters.suffix(last))
    }
}

fileprivate extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
