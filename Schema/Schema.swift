import Foundation

/// The numbered SQL migrations of this folder, shipped as a resource bundle so the `jointops`
/// binary carries them wherever it is installed. The `.sql` files are the source of truth.
public enum SchemaBundle {
    /// The folder holding the `NNNN_*.sql` files.
    public static var directory: URL { Bundle.module.resourceURL!.appendingPathComponent("migrations") }
}
