import Foundation
import TermlintTestSupport
import Testing

@testable import TermlintCore
@testable import TermlintGlossary
@testable import TermlintText

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Collects the elements of an XML document with their attributes and text.
final class XMLCollector: NSObject, XMLParserDelegate {
  struct Element {
    let name: String
    let attributes: [String: String]
    var text = ""
    let parent: Int?
  }

  var elements: [Element] = []
  private var stack: [Int] = []

  /// Parses `xml`; nil when it is not well-formed.
  static func parse(_ xml: String) -> XMLCollector? {
    let collector = XMLCollector()
    let parser = XMLParser(data: Data(xml.utf8))
    parser.delegate = collector
    return parser.parse() ? collector : nil
  }

  func parser(
    _ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
    qualifiedName: String?, attributes: [String: String] = [:]
  ) {
    elements.append(Element(name: name, attributes: attributes, parent: stack.last))
    stack.append(elements.count - 1)
  }

  func parser(
    _ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?
  ) { stack.removeLast() }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    if let i = stack.last { elements[i].text += string }
  }

  func all(_ name: String) -> [Element] { elements.filter { $0.name == name } }
  func children(of index: Int, _ name: String) -> [Element] {
    elements.filter { $0.parent == index && $0.name == name }
  }
  func index(of element: Element) -> Int {
    elements.firstIndex {
      $0.name == element.name && $0.attributes == element.attributes && $0.parent == element.parent
    }!
  }
}

@Suite("JUnit and Checkstyle reporters")
struct XMLReporterTests {
  @Test func junitParsesWithOneSuitePerFileAndOneFailurePerFinding() throws {
    let report = ReportFixture.report
    let xml = try #require(
      XMLCollector.parse(JUnitReporter.render(report, options: ReportOptions())),
      "JUnit output is well-formed XML")
    let root = try #require(xml.all("testsuites").first)
    #expect(root.attributes["failures"] == "\(report.findings.count)")
    let suites = xml.all("testsuite")
    #expect(suites.map { $0.attributes["name"] } == report.paths)
    var total = 0
    for suite in suites {
      let index = xml.index(of: suite)
      let cases = xml.children(of: index, "testcase")
      let failures = cases.flatMap { xml.children(of: xml.index(of: $0), "failure") }
      let own = report.findings.filter { $0.location.path == suite.attributes["name"] }
      #expect(failures.count == own.count)
      #expect(suite.attributes["failures"] == "\(own.count)")
      #expect(suite.attributes["tests"] == "\(cases.count)")
      // Attribute values come back exactly, line breaks and quotes included.
      #expect(failures.map { $0.attributes["message"] } == own.map(\.message))
      #expect(failures.map { $0.attributes["type"] } == own.map(\.severity.rawValue))
      total += failures.count
    }
    #expect(total == report.findings.count)
    let names = xml.all("testcase").map {
      "\($0.attributes["classname"]!) \($0.attributes["name"]!)"
    }
    #expect(Set(names).count == names.count, "GitLab keys test cases by classname and name")
  }

  @Test func controlCharactersCannotBreakTheXML() throws {
    let file = SourceFile(path: "a&b<c>.md", text: "bell \u{7} and \u{1B}[31m\n")
    let location = Location(file: file, utf16Range: 5..<6)
    let finding = Finding(
      ruleID: "invisible-character", severity: .error, category: .style,
      message: "Control \u{7} ]]> \"x\" & <y>", location: location, matchedText: "\u{7}",
      suggestions: [""])
    let report = RunReport(findings: [finding], files: [file], rules: [])
    for reporter in [JUnitReporter.self, CheckstyleReporter.self] as [any Reporter.Type] {
      let out = reporter.render(report, options: ReportOptions())
      let xml = try #require(XMLCollector.parse(out), "\(reporter.identifier) stays well-formed")
      let message = xml.all(reporter == JUnitReporter.self ? "failure" : "error").first?.attributes[
        "message"]
      #expect(message == "Control <U+0007> ]]> \"x\" & <y>")
    }
  }

  @Test func checkstyleListsEveryFileAndOneErrorPerFinding() throws {
    let report = ReportFixture.report
    let xml = try #require(
      XMLCollector.parse(CheckstyleReporter.render(report, options: ReportOptions())))
    #expect(xml.all("file").map { $0.attributes["name"] } == report.paths)
    let errors = xml.all("error")
    #expect(errors.count == report.findings.count)
    #expect(errors.map { $0.attributes["line"] } == report.findings.map { "\($0.location.line)" })
    #expect(
      errors.map { $0.attributes["column"] } == report.findings.map { "\($0.location.column)" })
    #expect(
      errors.map { $0.attributes["source"] } == report.findings.map { "termlint.\($0.ruleID)" })
    #expect(errors.map { $0.attributes["message"] } == report.findings.map(\.message))
  }
}
