/// The kinds of stream the application writes, and their readable ids.
///
/// A readable id is the stream id: `OP-2023-0007`, `CASE-2023-0123` — prefix, business year, and a number
/// counted per prefix and year without gaps. The registry and the imported calendars are single streams.
public struct StreamKind: Sendable, Hashable {
    /// The id prefix, e.g. "CASE".
    public let prefix: String
    /// The noun used in messages ("case").
    public let noun: String

    /// Joint operations: `OP-2023-0007`.
    public static let operation = StreamKind(prefix: "OP", noun: "operation")
    /// Cases: `CASE-2023-0123`.
    public static let `case` = StreamKind(prefix: "CASE", noun: "case")
    /// Rectification items: `RECT-2023-0004`.
    public static let rectification = StreamKind(prefix: "RECT", noun: "rectification item")
    /// Referrals: `REF-2023-0002`.
    public static let referral = StreamKind(prefix: "REF", noun: "referral")
    /// Outreach activities: `PUB-2023-0011` (普法宣传).
    public static let outreach = StreamKind(prefix: "PUB", noun: "outreach activity")

    /// Rule-of-law activities: `ROL-2023-0006` (法治建设活动: meetings, study, training, handbooks).
    public static let ruleOfLaw = StreamKind(prefix: "ROL", noun: "rule-of-law activity")

    /// Case-file audits: `AUDIT-2023-0002` (案卷评查).
    public static let audit = StreamKind(prefix: "AUDIT", noun: "case-file audit")
    /// The legal adviser's reviews: `COUNSEL-2023-0023` (法律顾问审核).
    public static let counsel = StreamKind(prefix: "COUNSEL", noun: "adviser's review")
    /// Petitions: `PET-2023-0002` (信访).
    public static let petition = StreamKind(prefix: "PET", noun: "petition")

    public static let all: [StreamKind] = [.operation, .case, .rectification, .referral, .outreach, .ruleOfLaw, .audit, .counsel, .petition]

    /// The one stream of agencies, officers and campaigns.
    public static let registryStream = "registry"
    /// The one stream of imported holiday notices.
    public static let calendarStream = "calendar"
    /// The one stream of service commitments (服务承诺).
    public static let commitmentStream = "commitments"

    /// `CASE-2023-0123` for year 2023 and number 123.
    public func id(year: Int, number: Int) -> String {
        "\(prefix)-\(year)-\(number < 10_000 ? String(format: "%04d", number) : String(number))"
    }

    /// The id normalised (upper case, trimmed) if it has this kind's shape, else nil.
    public func normalise(_ text: String) -> String? {
        let id = text.trimmingCharacters(in: .whitespaces).uppercased()
        let parts = id.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == prefix, parts[1].count == 4, Int(parts[1]) != nil,
              parts[2].count >= 4, parts[2].allSatisfy(\.isASCII), let number = Int(parts[2]), number > 0
        else { return nil }
        return id
    }

    /// The id of this kind, or a `malformedId` error naming the expected shape.
    public func parse(_ text: String) throws(ApplicationError) -> String {
        guard let id = normalise(text) else { throw .malformedId(text, kind: self) }
        return id
    }

    /// An example id for messages.
    public var example: String { id(year: 2023, number: 7) }
}
