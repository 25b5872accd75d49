import Foundation

/// How many columns a table may take on standard output.
enum TerminalWidth {
    /// nil when output goes to a file or a pipe (nothing is ever cut there); on a terminal `COLUMNS` when set
    /// (the user's override, as `ls` and Python honour it), else the terminal's own width (TIOCGWINSZ), else 80.
    static func ofStandardOutput(environment: [String: String] = ProcessInfo.processInfo.environment) -> Int? {
        guard isatty(STDOUT_FILENO) == 1 else { return nil }
        if let text = environment["COLUMNS"], let columns = Int(text.trimmingCharacters(in: .whitespaces)), columns > 0 {
            return columns
        }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }
}
