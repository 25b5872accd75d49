import EventStore
import Foundation
import Postgres

/// Every projection the projector keeps, in the order they are caught up.
public enum ProjectionCatalog {
    public static let all: [any Projection] = [
        RegistryProjection(), OperationsProjection(), CasesProjection(), RectificationProjection(),
        ReferralsProjection(), OutreachProjection(),
        RuleOfLawProjection(), CommitmentProjection(), DutiesProjection(),
        AuditsProjection(), CounselProjection(), PetitionsProjection(), ReportPlansProjection(),
    ]
}

extension ProjectionRunner {
    /// A runner of the application's projections (`ProjectionCatalog.all`) and `reporting` views.
    public convenience init(connection: Connection, batchSize: Int = 1000) {
        self.init(connection: connection, projections: ProjectionCatalog.all, views: ReportingSchema(), batchSize: batchSize)
    }
}
