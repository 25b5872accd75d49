/// Why a rule-of-law activity or a service commitment was refused. Carried by `Rejection.ruleOfLaw`.
public enum RuleOfLawRejection: Error, Equatable, Sendable {
    /// The activity's day is not in the year of the business date it is recorded on.
    case dateOutsideYear(date: LocalDate, year: Int)
    /// A kind that needs a place, a host or person-times was recorded without it (`option` says which).
    case detailRequired(kind: RuleOfLawActivityKind, option: String)
    /// Items were given for a kind that compiles none, or participants for a handbook.
    case detailNotApplicable(kind: RuleOfLawActivityKind, option: String)
    /// Fewer person-times than participants: each participant counts at least once.
    case personTimesBelowParticipants(personTimes: Int, participants: Int)
    /// A text that people read in Chinese holds no Chinese character.
    case notChinese(field: String, text: String)
    /// A text longer than `RuleOfLawActivity.maximumTextLength`.
    case textTooLong(field: String, length: Int, maximum: Int)
    /// Not a commitment code (`ServiceCommitment.isCode`).
    case malformedCode(String)
    /// A commitment slower than the law allows (承诺时限 > 法定时限).
    case commitmentBeyondStatute(committed: Int, statutory: Int)
    /// A new version of a commitment must start after the one in force from `latest`.
    case commitmentNotAfterLatest(code: String, from: LocalDate, latest: LocalDate)

    /// One sentence: what is wrong, then what to do.
    public var message: String {
        switch self {
        case let .dateOutsideYear(date, year):
            "the activity is dated \(date), outside \(year), the year of the business date it is recorded on: record it "
                + "with --at a day of \(date.year) (e.g. --at \(date)), so it is numbered and counted in \(date.year)"
        case let .detailRequired(kind, option):
            "an activity of kind \(kind.rawValue) (\(kind.labelZh)) is recorded with \(option): add it"
        case let .detailNotApplicable(kind, option):
            "an activity of kind \(kind.rawValue) (\(kind.labelZh)) has no \(option): leave it out"
        case let .personTimesBelowParticipants(personTimes, participants):
            "\(personTimes) person-times is fewer than the \(participants) participants, and each one counts at least once: "
                + "correct --person-times or --participants"
        case let .notChinese(field, text):
            "the \(field) `\(text)` holds no Chinese: write it in Chinese as people read it in the report"
        case let .textTooLong(field, length, maximum):
            "the \(field) is \(length) characters long, more than \(maximum): shorten it"
        case .malformedCode(let text):
            "`\(text)` is not a commitment code: use upper-case letters, digits and hyphens, e.g. ROAD-TRANSPORT-LICENCE"
        case let .commitmentBeyondStatute(committed, statutory):
            "a commitment of \(committed) working days is slower than the \(statutory) the law allows: commit to "
                + "\(statutory) or fewer"
        case let .commitmentNotAfterLatest(code, from, latest):
            "commitment \(code) already has a version in force from \(latest), and a new one from \(from) does not come "
                + "after it: start the new version after \(latest)"
        }
    }

    /// How the CLI reports it: malformed or misdated values are bad input (exit 2), like a date in the future; a
    /// commitment beyond the law, or dated before the one in force, is a refused rule (exit 3).
    public var category: RejectionCategory {
        switch self {
        case .dateOutsideYear, .detailRequired, .detailNotApplicable, .personTimesBelowParticipants, .notChinese,
             .textTooLong, .malformedCode: .invalidInput
        case .commitmentBeyondStatute, .commitmentNotAfterLatest: .ruleRefused
        }
    }
}

extension RuleOfLawRejection {
    /// Refuses a blank text, one without a Chinese character, or one longer than a line.
    static func requireChinese(_ text: String, _ field: String) throws(Rejection) {
        try Rejection.requireText(text, field)
        guard text.unicodeScalars.contains(where: \.isHan) else { throw .ruleOfLaw(.notChinese(field: field, text: text)) }
        let maximum = RuleOfLawActivity.maximumTextLength
        guard text.count <= maximum else { throw .ruleOfLaw(.textTooLong(field: field, length: text.count, maximum: maximum)) }
    }
}

extension Unicode.Scalar {
    /// A CJK unified ideograph (the basic block and extension A).
    var isHan: Bool { (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value) }
}
