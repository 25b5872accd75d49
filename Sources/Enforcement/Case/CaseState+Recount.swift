extension CaseState {
    /// The case with its provisional deadlines counted again with `calendar` (DOMAIN.md §5: recompute
    /// when the notice is imported). Stored events keep the date known when they were decided; deciding
    /// and showing use the recount, so an imported notice takes effect at once.
    public func recountingProvisionalDeadlines(with calendar: WorkingDayCalendar, in jurisdiction: Jurisdiction) -> CaseState {
        guard openDeadlines.contains(where: \.provisional) || paymentDeadline?.provisional == true else { return self }
        var state = self
        state.deadlines = deadlines.mapValues { $0.recounted(with: calendar, in: jurisdiction) }
        state.paymentDeadline = paymentDeadline?.recounted(with: calendar, in: jurisdiction)
        for (plate, seizure) in seizures {
            state.seizures[plate]?.deadline = seizure.deadline.recounted(with: calendar, in: jurisdiction)
        }
        return state
    }
}
