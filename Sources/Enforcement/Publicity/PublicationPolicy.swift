/// What the bureau publishes about a decision, and how it is masked (DOMAIN.md §6).
///
/// Two choices have no national rule behind them and are the bureau's to make: how plates are
/// masked (default partial) and how long a publication stays up (default none set).
public struct PublicationPolicy: Codable, Sendable, Equatable {
    /// Whether a decision may be published.
    public enum Decision: Equatable, Sendable {
        case publishable
        case withheld(WithholdingReason)
    }

    /// Why a decision is not published at all [L: S14].
    public enum WithholdingReason: String, Codable, Sendable, CaseIterable {
        /// The penalised person is a minor.
        case partyIsMinor
        /// The key facts involve state secrets, commercial secrets or personal privacy.
        case involvesSecrets
        /// Publication could endanger security or social stability.
        case endangersSecurity

        public var message: String {
            switch self {
            case .partyIsMinor: return "not published: the party is a minor"
            case .involvesSecrets: return "not published: the facts involve state or commercial secrets or personal privacy"
            case .endangersSecurity: return "not published: publication could endanger security or stability"
            }
        }
    }

    /// A decision as it would be published, before or after masking. Optional fields are the
    /// personal data that masking hides; nil means not recorded (or removed).
    public struct Record: Codable, Sendable, Equatable {
        public var agency: String
        public var partyName: String
        public var partyKind: PartyKind
        public var partyIDNumber: String?
        public var partyPhone: String?
        public var partyAddress: String?
        public var partyBankAccount: String?
        /// Health information is never published; masking removes it.
        public var partyHealthInformation: String?
        public var plate: PlateNumber?
        /// The published plate text, set by masking.
        public var plateText: String?
        /// The facts of the violation; third parties' names in it are masked.
        public var violation: String
        public var legalBasis: String
        public var penalty: String
        public var decisionDate: LocalDate
        /// Natural persons other than the party named in the case (witnesses, passengers).
        public var thirdPartyNames: [String]

        public init(agency: String, partyName: String, partyKind: PartyKind, partyIDNumber: String? = nil,
                    partyPhone: String? = nil, partyAddress: String? = nil, partyBankAccount: String? = nil,
                    partyHealthInformation: String? = nil, plate: PlateNumber? = nil, violation: String,
                    legalBasis: String, penalty: String, decisionDate: LocalDate, thirdPartyNames: [String] = []) {
            self.agency = agency
            self.partyName = partyName
            self.partyKind = partyKind
            self.partyIDNumber = partyIDNumber
            self.partyPhone = partyPhone
            self.partyAddress = partyAddress
            self.partyBankAccount = partyBankAccount
            self.partyHealthInformation = partyHealthInformation
            self.plate = plate
            self.plateText = plate?.text
            self.violation = violation
            self.legalBasis = legalBasis
            self.penalty = penalty
            self.decisionDate = decisionDate
            self.thirdPartyNames = thirdPartyNames
        }
    }

    public var plateMasking: PlateMasking
    /// How many days a publication stays up; nil when the bureau has set no period (no national
    /// transport rule was found: domain-notes §2.1).
    public var retentionDays: Int?

    public init(plateMasking: PlateMasking = .partial, retentionDays: Int? = nil) {
        self.plateMasking = plateMasking
        self.retentionDays = retentionDays
    }

    /// The default policy: partial plate masking, no retention period.
    public static let standard = PublicationPolicy()

    /// Whether the decision may be published; the first reason that forbids it otherwise.
    public func decide(isMinor: Bool, involvesSecrets: Bool, endangersSecurity: Bool = false) -> Decision {
        if isMinor { return .withheld(.partyIsMinor) }
        if involvesSecrets { return .withheld(.involvesSecrets) }
        if endangersSecurity { return .withheld(.endangersSecurity) }
        return .publishable
    }

    /// The day a publication made on `publishedOn` should come down; nil without a retention period.
    public func takeDownDate(publishedOn: LocalDate) -> LocalDate? {
        retentionDays.map { publishedOn.adding(days: $0) }
    }

    /// The record as published.
    ///
    /// For an individual: ID number, phone, address and bank account masked, health information
    /// removed. For an organisation only the bank account is masked: its address and contacts are
    /// public business data. In both cases third parties' names are masked in the facts and the
    /// list, and the plate follows ``plateMasking``. The party's own name is published.
    public func maskedRecord(_ record: Record) -> Record {
        var masked = record
        if record.partyKind == .individual {
            masked.partyIDNumber = record.partyIDNumber.map(Masking.idCardNumber)
            masked.partyPhone = record.partyPhone.map(Masking.phone)
            masked.partyAddress = record.partyAddress.map(Masking.address)
        }
        masked.partyBankAccount = record.partyBankAccount.map(Masking.bankAccount)
        masked.partyHealthInformation = nil
        masked.plateText = record.plate?.masked(plateMasking)
        // The unmasked plate must not travel with the published record.
        masked.plate = nil
        masked.violation = Masking.replacingNames(record.thirdPartyNames, in: record.violation)
        masked.thirdPartyNames = record.thirdPartyNames.map(Masking.thirdPartyName)
        return masked
    }
}
