import CLibPQ

/// A libpq connection string checked before it is used: `key=value` pairs or a `postgresql://` URL.
public enum ConnectionString {
    /// Why libpq's `PQconninfoParse` refuses `text`, in words of our own (libpq's message names none of
    /// the fixes and is written for developers); nil when libpq reads it.
    public static func problem(in text: String) -> String? {
        var message: UnsafeMutablePointer<CChar>?
        if let options = PQconninfoParse(text, &message) {
            defer { PQconninfoFree(options) }
            return portProblem(options)
        }
        if let message { PQfreemem(message) }
        if text.hasPrefix("postgresql://") || text.hasPrefix("postgres://") {
            if let unknown = uriParameters(text).first(where: { !keywords.contains($0) }) {
                return "`\(unknown)` after `?` is not a connection setting"
            }
            return "the URL is malformed (percent-encode `@`, `:` and `/` inside the login or password)"
        }
        return pairsProblem(text) ?? "libpq cannot read it"
    }

    /// libpq reads any text as a port and only fails when it connects: a port is a number (or a list of them).
    static func portProblem(_ options: UnsafeMutablePointer<PQconninfoOption>) -> String? {
        var option = options
        while let keyword = option.pointee.keyword {
            if String(cString: keyword) == "port", let value = option.pointee.val {
                let port = String(cString: value)
                let valid = port.split(separator: ",", omittingEmptySubsequences: false).allSatisfy { part in
                    part.isEmpty || (part.allSatisfy { $0.isASCII && $0.isNumber } && Int(part).map { (1...65535).contains($0) } == true)
                }
                if !valid { return "the port `\(port)` is not a number from 1 to 65535" }
            }
            option += 1
        }
        return nil
    }

    /// The first fault of a `key=value` string: a word without `=`, an unknown key, an unclosed quote.
    static func pairsProblem(_ text: String) -> String? {
        var rest = Substring(text)
        var previousKey = ""
        while true {
            rest = rest.drop(while: \.isWhitespace)
            guard !rest.isEmpty else { return nil }
            let key = rest.prefix { !$0.isWhitespace && $0 != "=" }
            rest = rest.dropFirst(key.count).drop(while: \.isWhitespace)
            guard rest.first == "=" else {
                // The word after a password is part of it: say where, not what.
                return previousKey == "password" ? "the password's value has a space: put it in single quotes"
                    : "`\(key)` has no `=value` (a URL starts with postgresql://)"
            }
            guard keywords.contains(String(key)) else { return "`\(key)` is not a connection setting" }
            rest = rest.dropFirst().drop(while: \.isWhitespace)
            if rest.first == "'" {
                rest = rest.dropFirst()
                var escaped = false
                guard let close = rest.firstIndex(where: { character in
                    defer { escaped = !escaped && character == "\\" }
                    return !escaped && character == "'"
                }) else { return "the value of `\(key)` opens a quote that is not closed" }
                rest = rest[rest.index(after: close)...]
            } else {
                rest = rest.drop { !$0.isWhitespace }
            }
            previousKey = String(key)
        }
    }

    /// The parameter names after `?` in a URL.
    static func uriParameters(_ text: String) -> [String] {
        guard let query = text.split(separator: "?", maxSplits: 1).dropFirst().first else { return [] }
        return query.split(separator: "&").map { String($0.prefix { $0 != "=" }) }
    }

    /// libpq's connection settings (`host`, `dbname`, `sslmode`, …).
    static let keywords: Set<String> = {
        guard let defaults = PQconndefaults() else { return [] }
        defer { PQconninfoFree(defaults) }
        var names: Set<String> = []
        var option = defaults
        while let keyword = option.pointee.keyword {
            names.insert(String(cString: keyword))
            option += 1
        }
        return names
    }()
}
