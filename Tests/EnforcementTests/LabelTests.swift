import Enforcement
import Testing

/// People read labels: every event type a confirmation or the audit trail can name has a Chinese one.
@Suite struct LabelTests {
    @Test(arguments: [CaseEvent.eventTypes, OperationEvent.eventTypes, RegistryEvent.eventTypes, ReferralEvent.eventTypes,
                      RectificationEvent.eventTypes, OutreachEvent.eventTypes, AuditEvent.eventTypes, CounselEvent.eventTypes,
                      PetitionEvent.eventTypes, ReportPlanEvent.eventTypes])
    func everyEventTypeHasAChineseLabel(types: [String]) {
        for type in types { #expect(EventTypeLabels.zh[type] != nil, "\(type)") }
    }

    @Test func labelsOfOneListAreDistinct() {
        let lists = [DeadlineKind.allCases.map(\.labelZh), RectificationState.Status.allCases.map(\.labelZh),
                     ReferralState.Status.allCases.map(\.labelZh), CalendarDayKind.allCases.map(\.labelZh),
                     RectificationOrigin.allCases.map(\.labelZh), CounselReviewKind.allCases.map(\.labelZh),
                     PetitionState.Status.allCases.map(\.labelZh)]
        for labels in lists { #expect(Set(labels).count == labels.count, "\(labels)") }
    }
}
