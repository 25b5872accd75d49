import Foundation

/// A ZIP archive whose entries are stored, not compressed: enough for an Office Open XML package
/// (a .docx is a ZIP of XML parts) without a compression library. Entries carry a fixed
/// timestamp (1980-01-01) so the same document gives the same bytes.
struct StoredZip {
    private var body = Data()
    private var directory = Data()
    private var count = 0

    mutating func add(_ path: String, _ contents: Data) {
        let name = Data(path.utf8)
        let crc = CRC32.checksum(contents)
        let offset = UInt32(body.count)
        // Local file header: version 2.0, UTF-8 names (bit 11), method 0 (stored), DOS time 0, date 1980-01-01.
        body.append(le32: 0x0403_4b50)
        body.append(le16: 20); body.append(le16: 0x0800); body.append(le16: 0)
        body.append(le16: 0); body.append(le16: 0x0021)
        body.append(le32: crc); body.append(le32: UInt32(contents.count)); body.append(le32: UInt32(contents.count))
        body.append(le16: UInt16(name.count)); body.append(le16: 0)
        body.append(name); body.append(contents)

        directory.append(le32: 0x0201_4b50)
        directory.append(le16: 20); directory.append(le16: 20); directory.append(le16: 0x0800); directory.append(le16: 0)
        directory.append(le16: 0); directory.append(le16: 0x0021)
        directory.append(le32: crc); directory.append(le32: UInt32(contents.count)); directory.append(le32: UInt32(contents.count))
        directory.append(le16: UInt16(name.count)); directory.append(le16: 0); directory.append(le16: 0)
        directory.append(le16: 0); directory.append(le16: 0); directory.append(le32: 0)
        directory.append(le32: offset)
        directory.append(name)
        count += 1
    }

    /// The archive: entries, central directory, end record.
    func data() -> Data {
        var archive = body
        archive.append(directory)
        archive.append(le32: 0x0605_4b50)
        archive.append(le16: 0); archive.append(le16: 0)
        archive.append(le16: UInt16(count)); archive.append(le16: UInt16(count))
        archive.append(le32: UInt32(directory.count)); archive.append(le32: UInt32(body.count))
        archive.append(le16: 0)
        return archive
    }
}

/// CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320), as ZIP requires.
enum CRC32 {
    private static let table: [UInt32] = (0..<256).map { index -> UInt32 in
        var value = UInt32(index)
        for _ in 0..<8 { value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
        return value
    }

    static func checksum(_ data: Data) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }
}

extension Data {
    mutating func append(le16 value: UInt16) { Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) } }
    mutating func append(le32 value: UInt32) { Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) } }
}
