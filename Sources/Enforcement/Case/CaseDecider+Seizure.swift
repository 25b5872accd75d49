// Vehicle seizure (扣押车辆, Coercion Law 18, 25; RTR 62): its own 30-day clock, one extension, then release
// or confiscation.
extension CaseDecider {
    static func decideSeizure(_ command: CaseCommand.Seizure, _ state: CaseState,
                              _ context: DecisionContext) throws(Rejection) -> [CaseEvent] {
        let today = context.today
        switch command {
        case let .seizeVehicle(plateText, officers, approvedBy, placeZh):
            try require(state, beforeDecision, command)
            let plate = try checkPlate(plateText)
            if state.seizures[plate]?.isActive == true { throw .vehicleAlreadySeized(plate) }
            try Rejection.requireOrder(.seizure, on: today, after: .act, on: state.act?.date)
            // The power to seize cannot be delegated and needs the head's prior approval (Coercion Law 17, 18).
            try checkApprover(approvedBy, agency: state.agency, context)
            try Rejection.requireText(placeZh, "place")
            let team = try checkActingTeam(officers, state, context)
            let due = context.deadline { c, j in
                Deadlines.seizure(executed: today, calendar: c, in: j)
            }
            return [.vehicleSeized(.init(plate: plate, officers: team, approvedBy: approvedBy, placeZh: placeZh,
                                         seizedOn: today, due: due))]

        case let .extendSeizure(plateText, days, approvedBy):
            try require(state, seizureManageable, command)
            let seizure = try activeSeizure(plateText, state)
            guard !seizure.extended else { throw .seizureAlreadyExtended(seizure.plate) }
            try Rejection.requireOrder(.seizureExtension, on: today, after: .seizure, on: seizure.seizedOn)
            guard (1...30).contains(days) else { throw .invalidSeizureExtension(days: days) }
            // An extension must be decided while the seizure is still lawful.
            guard today <= seizure.deadline.legallyDue else {
                throw .seizureExpired(plate: seizure.plate, due: seizure.deadline.legallyDue)
            }
            try checkApprover(approvedBy, agency: state.agency, context)
            let due = context.deadline { c, j in
                extendedDeadline(seizedOn: seizure.seizedOn, days: days, calendar: c, in: j)
            }
            return [.seizureExtended(.init(plate: seizure.plate, days: days, approvedBy: approvedBy,
                                           extendedOn: today, due: due))]

        case let .releaseVehicle(plateText, reasonZh):
            try require(state, seizureManageable, command)
            let seizure = try activeSeizure(plateText, state)
            try Rejection.requireOrder(.release, on: today, after: .seizure, on: seizure.seizedOn)
            try Rejection.requireText(reasonZh, "reason")
            return [.vehicleReleased(.init(plate: seizure.plate, reasonZh: reasonZh, releasedOn: today))]

        case .confiscateVehicle(let plateText):
            try require(state, [.decided, .served], command)
            let seizure = try activeSeizure(plateText, state)
            // Confiscation is a penalty: only a decision that confiscates property allows it.
            guard let penalty = state.penalty, penalty.types.contains(.confiscationOfProperty), !state.decisionRevoked else {
                throw .confiscationNotDecided(state.caseId ?? "?")
            }
            try Rejection.requireOrder(.confiscation, on: today, after: .seizure, on: seizure.seizedOn)
            try Rejection.requireOrder(.confiscation, on: today, after: .decision, on: state.decidedOn)
            return [.vehicleConfiscated(.init(plate: seizure.plate, confiscatedOn: today))]
        }
    }

    private static func activeSeizure(_ plateText: String, _ state: CaseState) throws(Rejection) -> CaseState.Seizure {
        let plate = try checkPlate(plateText)
        guard let seizure = state.seizures[plate], seizure.isActive else { throw .vehicleNotSeized(plate) }
        return seizure
    }

    /// 30 days plus an extension of `days` (≤ 30), counted from the seizure. `Deadlines.seizure` only knows the
    /// full 30-day extension, and a shorter one is common, so the count is done here with the same rules.
    private static func extendedDeadline(seizedOn: LocalDate, days: Int, calendar: WorkingDayCalendar,
                                         in jurisdiction: Jurisdiction) -> Deadline {
        Deadlines.rolled(.seizure, due: seizedOn.adding(days: 30 + days), "Coercion Law 25 (extended once)", "扣押期限",
                         calendar, jurisdiction)
    }
}
