import Enforcement
import Foundation

/// A name-based UUID: two 64-bit FNV-1a hashes of the name under different seeds, marked version 8 (custom).
/// Not a secret: it only has to be the same for the same row and differ between rows.
enum StableId {
    static func uuid(namespace: String, name: String) -> UUID {
        let bytes = Array("\(namespace)\u{0}\(name)".utf8)
        func fnv(_ seed: UInt64) -> UInt64 {
            var hash = seed
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100000001b3 }
            return hash
        }
        let high = fnv(0xcbf29ce484222325), low = fnv(0x84222325cbf29ce4 ^ UInt64(bytes.count))
        var raw = withUnsafeBytes(of: high.bigEndian, Array.init) + withUnsafeBytes(of: low.bigEndian, Array.init)
        raw[6] = (raw[6] & 0x0F) | 0x80
        raw[8] = (raw[8] & 0x3F) | 0x80
        return UUID(uuid: (raw[0], raw[1], raw[2], raw[3], raw[4], raw[5], raw[6], raw[7],
                           raw[8], raw[9], raw[10], raw[11], raw[12], raw[13], raw[14], raw[15]))
    }
}

extension Application {
    /// What a register row's command id stands for: the row as read, not where it was read from (file
    /// name, line) nor the case number allocated for it. Importing the same row again, from any file, is a
    /// retry; a row with the same identity but other content (a corrected fine) is refused for that line.
    static func givenCommand(for row: ImportedCase) -> GivenCommand {
        var row = row
        row.caseId = ""
        row.fileName = ""
        row.line = 0
        // Rows without a source keep the identity they had before registers could carry one, so a file imported
        // then is a retry now, not a changed row.
        let arguments = String(reflecting: row).replacingOccurrences(of: ", source: nil, fileName: ", with: ", fileName: ")
        return GivenCommand(name: "case import", arguments: arguments)
    }
}
