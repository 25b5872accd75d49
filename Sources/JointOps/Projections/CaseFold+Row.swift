import Enforcement
import EventStore
import Foundation

extension CaseFold {
    /// A row of `cases`: its properties are the table's columns (`ProjectionTable`).
    struct CaseRow: Codable {
        let streamId: String
        let agency: String?
        let status, procedure: String
        let source, sector, partyKind, partyNameMasked, partyIdMasked: String?
        let isMinor, involvesSecrets: Bool
        let plateMasked: String?
        let actDate: LocalDate?
        let actPlaceZh: String?
        let leadReceivedOn, filedOn, acceptedOn, decisionDue, decidedOn: LocalDate?
        let decidedWithinDeadline: Bool?
        let outcome, noPenaltyReason: String?
        let penaltyTypes: [String]
        let penaltyZh: String?
        let fineYuan, illegalGainsYuan: Int64
        let legalBasisId, decisionNumber: String?
        let legalReview: String
        let legalReviewRequired, hearingRequested, hearingHeld: Bool
        let statement: String
        let evidenceCount, seizures, confiscations: Int
        let serviceDue, servedOn: LocalDate?
        let serviceMethod: String?
        let servedOnTime: Bool?
        let publicationDue: LocalDate?
        let published: Bool
        let publishedOn: LocalDate?
        let publishedOnTime: Bool?
        let publicationRef, publicationWithheld: String?
        let decisionRevoked, publicationWithdrawn: Bool
        let withdrawnOn: LocalDate?
        let publishedPartyName, publishedViolationZh: String?
        let paidYuan: Int64
        let enforcementDemandServed, courtEnforcementApplied: Bool
        let closedOn, archivedOn: LocalDate?
        /// Brought in by `jointops case import` (导入).
        let imported: Bool
        /// The officers assigned to the case (for `case due --officer` and `deadlines_due`).
        let officers: [String]
        /// Acts done after their deadline (``DeadlineStatus/late(doneOn:days:)``).
        let lateActs: Int
        /// Open clocks whose last day is provisional.
        let provisionalDeadlines: Int
        /// The earliest legal last day of an open clock.
        let nextDue: LocalDate?
        /// Corrections (更正) recorded, and the day of the latest one that republished the decision.
        let corrections: Int
        let republishedOn: LocalDate?
    }

    func row() -> CaseRow {
        let s = state
        let party = s.party
        let plate = s.act?.plate.flatMap { try? PlateNumber($0) }
        let outcome: (name: String, reason: String?)? = s.outcome.map {
            switch $0 {
            case .penalty: ("penalty", nil)
            case .noPenalty(let reason): ("noPenalty", reason.rawValue)
            case .criminalReferral: ("criminalReferral", nil)
            case .transferredOut: ("transferredOut", nil)
            }
        }
        let penalty = s.penalty
        let involvesSecrets = s.publicationWithheld == .involvesSecrets
        // The publicity register's version of the party and facts, masked as the policy publishes them.
        var publishedName: String?, publishedViolation: String?
        if s.published, let party, let act = s.act, !party.isMinor, !involvesSecrets {
            let record = policy.maskedRecord(PublicationPolicy.Record(
                agency: s.agency ?? "", partyName: party.nameZh, partyKind: party.kind,
                violation: act.descriptionZh, legalBasis: penalty?.legalBasisId ?? "",
                penalty: penalty.map(Self.penaltyZh) ?? "", decisionDate: s.decidedOn ?? act.date))
            // The analysts' copy masks an individual's name too; the public website copy is the publication's.
            publishedName = party.kind == .individual ? Masking.thirdPartyName(record.partyName) : record.partyName
            publishedViolation = maskedNames(in: record.violation)
        }
        let acceptedOn = s.filedOn ?? (s.procedure == .summary ? s.decidedOn : nil) ?? s.leadReceivedOn
        return CaseRow(
            streamId: streamId, agency: s.agency, status: s.status.rawValue, procedure: s.procedure.rawValue,
            source: Self.countedSource(of: s)?.code,
            sector: s.act?.sector.rawValue, partyKind: party?.kind.rawValue,
            partyNameMasked: party.map(Self.maskedName), partyIdMasked: party.map(maskedPartyId),
            isMinor: party?.isMinor ?? false, involvesSecrets: involvesSecrets,
            plateMasked: plate?.masked(policy.plateMasking),
            actDate: s.act?.date, actPlaceZh: s.act.map { maskedNames(in: $0.placeZh) },
            leadReceivedOn: s.leadReceivedOn, filedOn: s.filedOn,
            acceptedOn: acceptedOn, decisionDue: decisionDue?.legallyDue,
            decidedOn: s.decidedOn,
            decidedWithinDeadline: zip2(s.decidedOn, decisionDue).map { $0 <= $1.legallyDue },
            outcome: outcome?.name, noPenaltyReason: outcome?.reason,
            penaltyTypes: penalty?.types.map(\.rawValue) ?? [], penaltyZh: penalty.map(Self.penaltyZh),
            fineYuan: Int64(s.fineYuan), illegalGainsYuan: Int64(penalty?.illegalGainsYuan ?? 0),
            legalBasisId: penalty?.legalBasisId, decisionNumber: s.decisionNumber,
            legalReview: reviews.last.map(\.outcome) ?? "notRequested", legalReviewRequired: legalReviewRequired,
            hearingRequested: s.hearing != .notRequested && s.hearing != .waived || hearingHeld,
            hearingHeld: hearingHeld, statement: s.statement.rawValue, evidenceCount: s.evidenceCount,
            seizures: s.seizures.count, confiscations: confiscations,
            serviceDue: serviceDue?.legallyDue, servedOn: s.servedOn,
            serviceMethod: serviceMethod?.rawValue,
            servedOnTime: zip2(s.servedOn, serviceDue).map { $0 <= $1.legallyDue },
            publicationDue: publicationDue?.legallyDue, published: s.published,
            publishedOn: publishedOn,
            publishedOnTime: zip2(publishedOn, publicationDue).map { $0 <= $1.legallyDue },
            publicationRef: publicationRef, publicationWithheld: s.publicationWithheld?.rawValue,
            decisionRevoked: s.decisionRevoked, publicationWithdrawn: s.publicationWithdrawn,
            withdrawnOn: withdrawnOn, publishedPartyName: publishedName,
            publishedViolationZh: publishedViolation, paidYuan: Int64(s.paidYuan),
            enforcementDemandServed: enforcementDemandServed, courtEnforcementApplied: s.courtEnforcementApplied,
            closedOn: closedOn, archivedOn: archivedOn, imported: s.imported, officers: s.assignedOfficers,
            lateActs: deadlines.filter { $0.daysLate != nil }.count,
            provisionalDeadlines: deadlines.filter { $0.status == "open" && $0.provisional }.count,
            nextDue: deadlines.filter { $0.status == "open" }.map(\.legallyDue).min(),
            corrections: s.corrections.count, republishedOn: s.corrections.last(where: \.republished)?.correctedOn)
    }

    /// Free text with the names recorded on the case masked (an individual party's name is personal data;
    /// an organisation's is public). The views mask ID numbers, mobiles and plates by pattern, and the names
    /// of every case's parties (`case_party_names`) in every free-text column.
    func maskedNames(in text: String) -> String {
        guard let party = state.party, party.kind == .individual else { return text }
        return Masking.replacingNames([party.nameZh], in: text)
    }

    /// An individual's name as analysts see it (张*); an organisation's name is public business data.
    static func maskedName(_ party: Party) -> String {
        party.kind == .individual ? Masking.thirdPartyName(party.nameZh) : party.nameZh
    }

    /// The party key: an ID-card number is masked (650***********123X), a plate used as the key for an
    /// unknown driver is masked like every plate, and an organisation's credit code is public.
    func maskedPartyId(_ party: Party) -> String {
        if let plate = try? PlateNumber(party.partyId) { return plate.masked(policy.plateMasking) }
        // A person's ID number entered as an organisation's id is still a person's ID number.
        let personal = party.kind == .individual || Masking.isValidIDCardNumber(party.partyId)
        return personal ? Masking.idCardNumber(party.partyId) : party.partyId
    }

    /// 罚款 5000 元；没收非法财物.
    static func penaltyZh(_ penalty: Penalty) -> String {
        penalty.types.map { type -> String in
            switch type {
            case .warning: "警告"
            case .criticism: "通报批评"
            case .fine: "罚款 \(penalty.fineYuan) 元"
            case .confiscationOfIllegalGains: "没收违法所得 \(penalty.illegalGainsYuan) 元"
            case .confiscationOfProperty: "没收非法财物"
            case .qualificationDowngrade: "降低资质等级"
            case .permitRevocation: "吊销许可证件"
            case .businessSuspension: "责令停产停业"
            }
        }.joined(separator: "；")
    }
}

private func zip2<A, B>(_ a: A?, _ b: B?) -> (A, B)? {
    guard let a, let b else { return nil }
    return (a, b)
}
