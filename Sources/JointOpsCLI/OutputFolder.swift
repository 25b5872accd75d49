import Foundation
import JointOps

/// `--output-dir`: the folder a command writes its files into, made when missing; what is wrong with it, in
/// plain words, as a usage error (exit 2) before anything is written there.
enum OutputFolder {
    /// The folder at `path`, made (with its missing parents) when it does not exist yet.
    ///
    /// - Throws: `UserFacingError` (usage) when a file stands in its place or in its path, when it cannot be made,
    ///   or when it may not be written.
    static func prepare(_ path: String, for what: String) throws -> URL {
        let folder = URL(fileURLWithPath: path)
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        if manager.fileExists(atPath: folder.path, isDirectory: &isFolder) {
            guard isFolder.boolValue else { throw refusal(folder, what, "\(folder.path) is a file, not a folder") }
        } else {
            // The nearest part of the path that exists says why the folder cannot be made.
            var existing = folder.deletingLastPathComponent()
            while !manager.fileExists(atPath: existing.path, isDirectory: &isFolder), existing.path != "/" {
                existing = existing.deletingLastPathComponent()
            }
            guard isFolder.boolValue else { throw refusal(folder, what, "\(existing.path) is a file, not a folder") }
            do {
                try manager.createDirectory(at: folder, withIntermediateDirectories: true)
            } catch {
                throw refusal(folder, what, "it does not exist and cannot be made in \(existing.path)\(UserFacingError.fileReason(error))")
            }
        }
        guard manager.isWritableFile(atPath: folder.path) else {
            throw refusal(folder, what, "you may not write in it (Permission denied)")
        }
        return folder
    }

    /// A file could not be written into a folder that passed `prepare` (a full disk, a read-only file system).
    static func failure(_ folder: URL, _ what: String, _ error: Error) -> UserFacingError {
        refusal(folder, what, "the file system refused\(UserFacingError.fileReason(error))")
    }

    private static func refusal(_ folder: URL, _ what: String, _ reason: String) -> UserFacingError {
        .usage("cannot write \(what) into the folder \(folder.path): \(reason); name a folder you may write to with --output-dir")
    }
}
