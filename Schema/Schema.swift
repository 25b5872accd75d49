/// The numbered SQL migrations of `Schema/migrations/`, compiled into the binary (SwiftPM's
/// `.embedInCode`), so a copied or installed `jointops` needs no resource folder beside it.
///
/// The `.sql` files stay the source of truth: SwiftPM regenerates the bytes on every build. It names
/// each file's constant itself (`0001_a.sql` becomes `_001_a_sql`), so every file is listed here once
/// by its real name; a test checks the list against the folder, so a new file cannot be forgotten.
public enum EmbeddedMigrations {
    /// Every migration file, by file name, in number order.
    public static let files: [(name: String, sql: String)] = [
        ("0001_create_event_store.sql", text(PackageResources._001_create_event_store_sql)),
        ("0002_create_command_lookup_indexes.sql", text(PackageResources._002_create_command_lookup_indexes_sql)),
        ("0003_create_projections_and_reporting.sql", text(PackageResources._003_create_projections_and_reporting_sql)),
        ("0004_append_as_one_statement.sql", text(PackageResources._004_append_as_one_statement_sql)),
        ("0005_drop_append_functions.sql", text(PackageResources._005_drop_append_functions_sql)),
        ("0008_create_least_privilege_roles.sql", text(PackageResources._008_create_least_privilege_roles_sql)),
        ("0009_chain_event_hashes.sql", text(PackageResources._009_chain_event_hashes_sql)),
        ("0010_create_text_masking.sql", text(PackageResources._010_create_text_masking_sql)),
        ("0011_create_quarantined_streams.sql", text(PackageResources._011_create_quarantined_streams_sql)),
        ("0013_index_imported_case_acts.sql", text(PackageResources._013_index_imported_case_acts_sql)),
        ("0014_number_working_days_and_speed_up_masking.sql", text(PackageResources._014_number_working_days_and_speed_up_masking_sql)),
        ("0015_fingerprint_commands.sql", text(PackageResources._015_fingerprint_commands_sql)),
        ("0018_pin_event_authors.sql", text(PackageResources._018_pin_event_authors_sql)),
        ("0023_comment_reporting_schema_on_its_own.sql", text(PackageResources._023_comment_reporting_schema_on_its_own_sql)),
    ]

    private static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }
}
