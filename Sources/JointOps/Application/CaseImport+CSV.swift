import Foundation

/// CSV records with the line each starts on: fields separated by commas, double-quoted when they hold commas,
/// quotes ("" inside) or line breaks; CRLF or LF.
enum CSVRecords {
    struct Record { var line: Int; var fields: [String] }

    static func parse(_ text: String) -> [Record] {
        var records: [Record] = []
        var fields: [String] = [], field = "", quoted = false, line = 1, start = 1, fieldStarted = false
        var characters = Array(text).makeIterator()
        var pending: Character?
        func endRecord() {
            fields.append(field)
            records.append(Record(line: start, fields: fields))
            fields = []; field = ""; fieldStarted = false
        }
        while let c = pending ?? characters.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    let next = characters.next()
                    if next == "\"" { field.append("\"") } else { quoted = false; pending = next }
                } else {
                    if c == "\n" || c == "\r\n" { line += 1 }
                    field.append(c)
                }
                continue
            }
            switch c {
            case "\"" where !fieldStarted: quoted = true; fieldStarted = true
            case ",": fields.append(field); field = ""; fieldStarted = false
            case "\n", "\r\n", "\r":
                endRecord()
                line += 1
                start = line
            default: field.append(c); fieldStarted = true
            }
        }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        return records
    }
}
