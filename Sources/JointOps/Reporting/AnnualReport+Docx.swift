import Foundation

extension AnnualReport {
    /// The report as a .docx for WPS and Word: built from the Markdown, so both say the same.
    public func docx() -> Data {
        WordDocument(markdown: markdown()).data()
    }
}
