import Foundation
import Testing

/// Validates JSON against a JSON Schema with Python's `jsonschema` (installed by .ci/run).
enum SchemaValidation {
  static func validate(json: String, schema: URL, sourceLocation: SourceLocation = #_sourceLocation)
    throws
  {
    guard FileManager.default.fileExists(atPath: schema.path) else {
      // NOTE: ../shared is beside the clone in CI, not in a user's clone.
      print("skipped: schema validation needs \(schema.path) (../shared is absent)")
      return
    }
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let instance = dir.appendingPathComponent("instance.json")
    try json.write(to: instance, atomically: true, encoding: .utf8)
    let script = """
      import json, sys
      try:
          import jsonschema
      except ImportError:
          print("NO_JSONSCHEMA"); sys.exit(0)
      schema = json.load(open(sys.argv[1])); doc = json.load(open(sys.argv[2]))
      errors = sorted(jsonschema.Draft7Validator(schema).iter_errors(doc), key=lambda e: list(e.path))
      for e in errors[:10]: print(list(e.path), e.message)
      sys.exit(1 if errors else 0)
      """
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["python3", "-c", script, schema.path, instance.path]
    let out = Pipe()
    p.standardOutput = out
    try p.run()
    let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    p.waitUntilExit()
    if text.contains("NO_JSONSCHEMA") {
      Issue.record(
        "python3 'jsonschema' is missing: run 'pip install jsonschema' (.ci/run does)",
        sourceLocation: sourceLocation)
      return
    }
    #expect(
      p.terminationStatus == 0, "SARIF does not validate: \(text)", sourceLocation: sourceLocation)
  }
}
