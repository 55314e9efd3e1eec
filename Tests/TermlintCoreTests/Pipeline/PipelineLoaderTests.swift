import Foundation
import TermlintTestSupport
import Testing

@testable import TermlintCore
@testable import TermlintGlossary
@testable import TermlintText

@Suite("Pipelines as data")
struct PipelineLoaderTests {
  static func write(_ files: [String: String]) throws -> URL {
    let dir = try TemporaryTree().root
    for (path, text) in files {
      let url = dir.appendingPathComponent(path)
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try text.write(to: url, atomically: true, encoding: .utf8)
    }
    return dir
  }

  static func error(_ body: () throws -> Void) -> TermlintError? {
    do {
      try body()
      return nil
    } catch let error as TermlintError {
      return error
    } catch {
      return TermlintError.usage("unexpected \(error)")
    }
  }

  @Test func shippedPipelinesLoadAndRunEveryStableRule() throws {
    for name in ["default", "news-ru-en"] {
      let pipeline = try PipelineLoader.load(path: TestPaths.repo("Pipelines/\(name).yml"))
      let rules = try pipeline.configuredRules()
      let ids = Set(rules.map { $0.rule.descriptor.id })
      for d in BuiltInRules.descriptors where d.status == .stable {
        #expect(ids.contains(d.id), "\(name) runs \(d.id)")
      }
      #expect(!pipeline.glossaries.isEmpty)
    }
    let news = try PipelineLoader.load(path: TestPaths.repo("Pipelines/news-ru-en.yml"))
    #expect(news.dataRules.count >= 4)
    #expect(news.failOn == .warning)
    let configured = try news.configuredRules()
    #expect(configured.first { $0.rule.descriptor.id == "quotes" }?.severity == .warning)
    #expect(configured.first { $0.rule.descriptor.id == "news.date-ordinals" }?.severity == .info)
  }

  @Test func dataAndExternalRulesCanBeConfiguredSelectedAndDisabled() throws {
    let dir = try Self.write([
      "p.yml": """
      data-rules: [house]
      external-rules:
        - id: house.echo
          command: [python3, rule.py]
          timeout: 2.5
          severity: info
          options: {max-words: 30}
      rules:
        house.names: error
        house.echo: {severity: warning}
        quotes: {options: {style: straight}}
      """,
      "house/names.yml": "extends: substitution\nswap: {Kiev: Kyiv}\n",
    ])
    let pipeline = try PipelineLoader.load(path: dir.appendingPathComponent("p.yml").path)
    #expect(pipeline.dataRules.map(\.descriptor.id) == ["house.names"])
    let external = try #require(pipeline.externalRules.first)
    #expect(
      external.command == ["python3", "rule.py"] && external.timeout == 2.5
        && external.options == ["max-words": "30"])
    #expect(
      external.directory == dir.path || external.directory == dir.resolvingSymlinksInPath().path)
    let all = try pipeline.configuredRules()
    #expect(all.first { $0.rule.descriptor.id == "house.names" }?.severity == .error)
    #expect(all.first { $0.rule.descriptor.id == "house.echo" }?.severity == .warning)
    #expect(
      try pipeline.configuredRules(only: ["house.names"]).map(\.rule.descriptor.id) == [
        "house.names"
      ])
    #expect(
      !(try pipeline.configuredRules(disabled: ["house.echo"]).contains {
        $0.rule.descriptor.id == "house.echo"
      }))
    #expect(Self.error { _ = try pipeline.configuredRules(only: ["house.nope"]) }?.kind == .usage)
  }

  @Test func configurationErrorsNameFileLineAndKey() throws {
    let cases: [(String, Int, String)] = [
      ("fail-on: error\nrules:\n  quotez: off\n", 3, "'quotez'"),
      ("rules:\n  house.names: {options: {x: y}}\ndata-rules: [house]\n", 2, "takes no options"),
      ("data-rules:\n  - missing-folder\n", 2, "missing-folder"),
      (
        "external-rules:\n  - id: a.b\n    command: [x]\n    timeout: forever\n", 4,
        "'external-rules.timeout'"
      ),
      ("external-rules:\n  - id: a.b\n    comand: [x]\n", 3, "'comand'"),
      ("external-rules:\n  - command: [x]\n", 2, "needs an 'id'"),
      ("name: x\nbogus: 1\n", 2, "'bogus'"),
      ("rules:\n  dashes: {options: {style: long}}\n", 2, "'long'"),
      (
        "rules:\n  dashes:\n    options:\n      style: [em-spaced, en-spaced]\n", 4,
        "option 'style' of rule 'dashes' takes one value, not a list"
      ),
      (
        "fail-on: error\nrules:\n  brackets: {options: {strict: yes}}\n", 3,
        "unknown option 'strict' for rule 'brackets' (it takes no options)"
      ),
      (
        "rules:\n  quotes:\n    severity: warning\n    options:\n      stile: straight\n", 5,
        "unknown option 'stile' for rule 'quotes' (known options: style)"
      ),
      (
        "rules:\n  target-missing:\n    options:\n      fuzzy: missing\n      untranslated: yes\n",
        5,
        "bad value 'yes' for option 'untranslated' of rule 'target-missing' (use count or report)"
      ),
    ]
    for (yaml, line, text) in cases {
      let dir = try Self.write([
        "p.yml": yaml, "house/names.yml": "extends: substitution\nswap: {Kiev: Kyiv}\n",
      ])
      let path = dir.appendingPathComponent("p.yml").path
      let error = Self.error {
        let pipeline = try PipelineLoader.load(path: path)
        _ = try pipeline.configuredRules()
      }
      #expect(error?.kind == .configuration, "\(yaml)")
      #expect(error?.file == path, "\(yaml)")
      #expect(error?.line == line, "\(yaml): \(error?.description ?? "no error")")
      #expect(error?.reason.contains(text) == true, "\(error?.reason ?? "")")
    }
  }

  @Test func ruleIDsMustBeUnique() throws {
    let dir = try Self.write([
      "p.yml": "data-rules: [house]\nexternal-rules:\n  - id: house.names\n    command: [x]\n",
      "house/names.yml": "extends: substitution\nswap: {Kiev: Kyiv}\n",
    ])
    let error = Self.error {
      _ = try PipelineLoader.load(path: dir.appendingPathComponent("p.yml").path)
    }
    #expect(error?.reason.contains("defined twice") == true)
  }
}
