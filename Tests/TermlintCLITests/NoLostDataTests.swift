import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Output files (`--output`, `fix`, `glossary fmt`, `glossary convert`) are written atomically:
/// a read-only folder, a full disk or an interrupt leaves the original untouched, exits non-zero
/// with a message naming the file, and leaves no temporary file behind. A reader that closes
/// the pipe early ends the output quietly.
@Suite("No lost data (end to end)")
struct NoLostDataTests {
  static let glossary = CLI.repoRoot.appendingPathComponent("Glossaries/security-ru-en.tbx").path
  static let article = CLI.repoRoot.appendingPathComponent("Examples/article.en.md").path
  static let previous = "previous report, must survive\n"

  /// An article with `count` findings of the glossary's deprecated "security assurances".
  static func bigArticle(_ count: Int, in dir: URL, name: String = "big.md") throws -> String {
    let url = dir.appendingPathComponent(name)
    let sentence = "The ministry confirmed the talks and the security assurances again.\n"
    try String(repeating: sentence, count: count).write(to: url, atomically: false, encoding: .utf8)
    return url.path
  }

  static func contents(_ path: String) -> String? {
    try? String(contentsOfFile: path, encoding: .utf8)
  }

  // MARK: Read-only places

  @Test func reportIntoAReadOnlyFolderFailsAndKeepsTheOldReport() throws {
    var reason = ""
    guard
      let folder = WritePlaces.ReadOnlyFolder(
        files: ["report.json": Self.previous], skipReason: &reason)
    else {
      print("skipped: \(reason); the read-only --output case is not checked")
      return
    }
    defer { folder.remove() }
    for name in ["report.json", "new.txt"] {
      let result = try CLI.run([
        "lint", "--glossary", Self.glossary, "--format", "json", "--output", folder.path(name),
        Self.article,
      ])
      #expect(result.status == 2, "\(folder.how): \(result.stderr)")
      #expect(
        result.stderr.contains("\(folder.path(name)): cannot write"),
        "\(folder.how): \(result.stderr)")
      #expect(result.stdout.isEmpty)
    }
    #expect(Self.contents(folder.path("report.json")) == Self.previous)
    #expect(try folder.entries() == ["report.json"], "no temporary file and no new file")
  }

  @Test func reportUnderARegularFileNamesWhatIsInTheWay() throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("plain.txt").path
    try Self.previous.write(toFile: file, atomically: false, encoding: .utf8)
    let result = try CLI.run([
      "lint", "--glossary", Self.glossary, "--output", file + "/report.txt", Self.article,
    ])
    #expect(result.status == 2)
    #expect(
      result.stderr.contains("\(file)/report.txt: cannot write: '\(file)' is not a folder"),
      "\(result.stderr)")
    #expect(Self.contents(file) == Self.previous)
  }

  @Test func fixInAReadOnlyFolderLeavesTheArticleAlone() throws {
    let original = try #require(Self.contents(Self.article))
    var reason = ""
    guard
      let folder = WritePlaces.ReadOnlyFolder(
        files: ["article.en.md": original], skipReason: &reason)
    else {
      print("skipped: \(reason); the read-only fix case is not checked")
      return
    }
    defer { folder.remove() }
    // The article has fixable findings: a dry run would change it.
    let dry = try CLI.run([
      "fix", "--glossary", Self.glossary, "--dry-run", folder.path("article.en.md"),
    ])
    #expect(dry.status == 1 && dry.stdout.contains("+++"), "\(dry.stderr)")
    let result = try CLI.run(["fix", "--glossary", Self.glossary, folder.path("article.en.md")])
    #expect(result.status == 2, "\(folder.how): \(result.stdout) \(result.stderr)")
    #expect(
      result.stderr.contains("\(folder.path("article.en.md")): cannot write"), "\(result.stderr)")
    #expect(Self.contents(folder.path("article.en.md")) == original)
    #expect(try folder.entries() == ["article.en.md"])
  }

  @Test func glossaryFmtAndConvertInAReadOnlyFolderChangeNothing() throws {
    let unformatted = "concept,lang,term,status\nb,ru,борьба,preferred\na,ru,агрессия,preferred\n"
    var reason = ""
    guard
      let folder = WritePlaces.ReadOnlyFolder(files: ["g.csv": unformatted], skipReason: &reason)
    else {
      print("skipped: \(reason); the read-only glossary case is not checked")
      return
    }
    defer { folder.remove() }
    #expect(
      try CLI.run(["glossary", "fmt", "--check", folder.path("g.csv")]).status == 1,
      "the file is not in canonical form")
    let fmt = try CLI.run(["glossary", "fmt", folder.path("g.csv")])
    #expect(fmt.status == 2, "\(folder.how): \(fmt.stdout) \(fmt.stderr)")
    #expect(fmt.stderr.contains("\(folder.path("g.csv")): cannot write"), "\(fmt.stderr)")
    #expect(Self.contents(folder.path("g.csv")) == unformatted)
    let convert = try CLI.run(["glossary", "convert", Self.glossary, folder.path("g.yaml")])
    #expect(
      convert.status == 2 && convert.stderr.contains("\(folder.path("g.yaml")): cannot write"),
      "\(convert.stderr)")
    #expect(try folder.entries() == ["g.csv"])
  }

  // MARK: A full disk

  @Test func aFullDiskFailsTheWriteAndKeepsWhatWasThere() throws {
    guard let disk = WritePlaces.TinyDisk(size: 64 * 1024) else {
      print(
        "skipped: cannot mount a 64 KiB tmpfs (needs root or CAP_SYS_ADMIN); the full-disk cases are not checked"
      )
      return
    }
    defer { disk.remove() }
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    // About 1 MB of JSON: more than the disk holds.
    let big = try Self.bigArticle(2_000, in: dir)
    try Self.previous.write(toFile: disk.path("report.json"), atomically: false, encoding: .utf8)

    let report = try CLI.run([
      "lint", "--glossary", Self.glossary, "--format", "json", "--output", disk.path("report.json"),
      big,
    ])
    #expect(report.status == 2, "\(report.stderr)")
    #expect(
      report.stderr.contains("\(disk.path("report.json")): cannot write: No space left on device"),
      "\(report.stderr)")
    #expect(Self.contents(disk.path("report.json")) == Self.previous)
    #expect(try disk.entries() == ["report.json"], "no partial temporary file")

    // Standard output redirected to a file on the full disk: an error, not a crash or silence.
    _ = FileManager.default.createFile(atPath: disk.path("stdout.txt"), contents: nil)
    let stdout = try FileHandle(forWritingTo: disk.url.appendingPathComponent("stdout.txt"))
    let redirected = try RunningTermlint(
      ["lint", "--glossary", Self.glossary, "--format", "json", big], in: dir,
      standardOutput: stdout)
    #expect(redirected.wait(limit: 60 * CLI.slowdown), "termlint did not end")
    try stdout.close()
    #expect(
      redirected.process.terminationReason == .exit && redirected.process.terminationStatus == 2,
      "\(redirected.stderr)")
    #expect(
      redirected.stderr.contains("cannot write standard output: No space left on device"),
      "\(redirected.stderr)")
    try FileManager.default.removeItem(atPath: disk.path("stdout.txt"))

    // fix on a disk with no room for the fixed copy.
    let original = try #require(Self.contents(Self.article))
    try original.write(toFile: disk.path("article.en.md"), atomically: false, encoding: .utf8)
    try disk.fill(leaving: 0)
    let fix = try CLI.run(["fix", "--glossary", Self.glossary, disk.path("article.en.md")])
    #expect(fix.status == 2, "\(fix.stdout) \(fix.stderr)")
    #expect(
      fix.stderr.contains("\(disk.path("article.en.md")): cannot write: No space left on device"),
      "\(fix.stderr)")
    #expect(Self.contents(disk.path("article.en.md")) == original)
    #expect(try disk.entries() == [".filler", "article.en.md", "report.json"])
  }

  // MARK: Interrupts

  @Test func anInterruptMidRunLeavesTheOldReport() throws {
    let inputs = try CLI.temporaryDirectory()
    let out = try CLI.temporaryDirectory()
    defer {
      try? FileManager.default.removeItem(at: inputs)
      try? FileManager.default.removeItem(at: out)
    }
    // Real work, then an input that never ends: a named pipe nobody writes to. However fast
    // the machine, the run is still going when the interrupt comes.
    var arguments = ["lint", "--glossary", Self.glossary, "--format", "json"]
    for k in 0..<8 { arguments.append(try Self.bigArticle(1_000, in: inputs, name: "a\(k).md")) }
    let fifo = inputs.appendingPathComponent("z-never-written.md").path
    try #require(
      mkfifo(fifo, 0o600) == 0, "cannot make a named pipe: \(String(cString: strerror(errno)))")
    let report = out.appendingPathComponent("report.json").path
    try Self.previous.write(toFile: report, atomically: false, encoding: .utf8)
    let running = try RunningTermlint(arguments + ["--output", report, fifo], in: out)
    usleep(700_000)
    try #require(running.process.isRunning, "the run ended before the interrupt: \(running.stderr)")
    kill(running.pid, SIGINT)
    #expect(running.wait(limit: 20 * CLI.slowdown), "termlint did not end after SIGINT")
    #expect(
      running.process.terminationReason == .uncaughtSignal
        && running.process.terminationStatus == SIGINT, "ends by the signal, so the shell sees 130")
    #expect(running.stderr.contains("termlint: interrupted by SIGINT"), "\(running.stderr)")
    #expect(Self.contents(report) == Self.previous)
    #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["report.json"])
  }

  /// Stops termlint (SIGSTOP) as soon as its temporary file appears, interrupts it there, and
  /// checks that the report being written never replaces the old one. Returns whether the
  /// interrupt held back its rename (a very fast write can finish first).
  func interruptDuringTheWrite(report: String, input: String, in dir: URL) throws -> Bool {
    let watch = inotify_init1(Int32(IN_CLOEXEC))
    try #require(watch >= 0, "inotify is not available")
    defer { close(watch) }
    let folder = (report as NSString).deletingLastPathComponent
    try #require(inotify_add_watch(watch, folder, UInt32(IN_CREATE)) >= 0)
    let running = try RunningTermlint(
      ["lint", "--glossary", Self.glossary, "--format", "json", "--output", report, input], in: dir)
    var temporary: String?
    var buffer = [UInt8](repeating: 0, count: 4096)
    var poller = pollfd(fd: watch, events: Int16(POLLIN), revents: 0)
    while temporary == nil, poll(&poller, 1, 120_000) > 0 {
      let n = read(watch, &buffer, buffer.count)
      var offset = 0
      while offset + MemoryLayout<inotify_event>.size <= n {
        let (length, name): (Int, String) = buffer.withUnsafeBytes { raw in
          let length = Int(raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
          let start = offset + MemoryLayout<inotify_event>.size
          let bytes = raw[start..<(start + length)].prefix { $0 != 0 }
          return (length, String(decoding: bytes, as: UTF8.self))
        }
        if name.contains(".termlint-") {
          kill(running.pid, SIGSTOP)
          temporary = (folder as NSString).appendingPathComponent(name)
          break
        }
        offset += MemoryLayout<inotify_event>.size + length
      }
    }
    let temp = try #require(temporary, "no temporary file appeared")
    // SIGSTOP takes effect asynchronously: on a loaded machine termlint may still finish its
    // write and rename in between. Only once it is really stopped does the file tell.
    let stopped = Self.waitUntilStopped(running.pid)
    let caught = stopped && FileManager.default.fileExists(atPath: temp)
    kill(running.pid, SIGINT)
    kill(running.pid, SIGCONT)
    #expect(running.wait(limit: 60 * CLI.slowdown), "termlint did not end after SIGINT")
    #expect(!FileManager.default.fileExists(atPath: temp), "the temporary file was removed")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["report.json"])
    let endedBySignal =
      running.process.terminationReason == .uncaughtSignal
      && running.process.terminationStatus == SIGINT
    if caught && Self.contents(report) == Self.previous {
      #expect(
        endedBySignal,
        "ends by the signal, so the shell sees 130: \(running.process.terminationReason == .exit) \(running.process.terminationStatus) \(running.stderr)"
      )
      #expect(
        running.stderr.contains("termlint: \(report): not written (interrupted); left as it was"),
        "\(running.stderr)")
      return true
    }
    // The rename came first: SIGCONT wakes every thread at once, and the writer can rename
    // before the thread that takes the signal has run its handler. The report is then whole,
    // is not reported as left alone, and the run ends by the signal or, when it was already
    // past its last check for one, with its own status (1: the article has findings).
    #expect(Self.contents(report).map { $0.hasSuffix("}\n") || $0.hasSuffix("}") } == true)
    #expect(!running.stderr.contains("not written"), "\(running.stderr)")
    #expect(
      endedBySignal
        || (running.process.terminationReason == .exit && running.process.terminationStatus == 1),
      "\(running.stderr)")
    return false
  }

  /// Waits until every thread of the process is in the stopped state (`T` in
  /// /proc/PID/task/TID/stat); false when the process ended first. /proc/PID/stat shows only
  /// the main thread, which stops before a writer thread busy in a system call (`fsync` is
  /// uninterruptible) does: that writer could still rename after the main thread looks stopped.
  static func waitUntilStopped(_ pid: pid_t) -> Bool {
    for _ in 0..<6_000 {
      guard let tasks = try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task"),
        !tasks.isEmpty
      else {
        return false
      }
      var all = true
      for task in tasks {
        guard
          let stat = try? String(contentsOfFile: "/proc/\(pid)/task/\(task)/stat", encoding: .utf8),
          let close = stat.lastIndex(of: ")")
        else { continue }  // the thread ended
        let state = stat[stat.index(after: close)...].split(separator: " ").first
        if state == "Z" || state == "X" { return false }
        if state != "T" && state != "t" { all = false }
      }
      if all { return true }
      usleep(5_000)
    }
    return false
  }

  @Test func anInterruptDuringTheWriteLeavesTheOldReport() throws {
    let dir = try CLI.temporaryDirectory()
    let out = try CLI.temporaryDirectory()
    defer {
      try? FileManager.default.removeItem(at: dir)
      try? FileManager.default.removeItem(at: out)
    }
    // Several megabytes of JSON, so that writing and flushing them takes a while.
    let big = try Self.bigArticle(8_000, in: dir)
    let report = out.appendingPathComponent("report.json").path
    var caught = 0
    for _ in 0..<12 where caught == 0 {
      try Self.previous.write(toFile: report, atomically: false, encoding: .utf8)
      if try interruptDuringTheWrite(report: report, input: big, in: dir) { caught += 1 }
    }
    #expect(caught > 0, "never caught termlint between creating its temporary file and renaming it")
  }

  // MARK: A reader that goes away

  /// Runs termlint with standard output into a pipe whose reader takes one line and closes it.
  static func firstLineThenClose(_ arguments: [String], in dir: URL) throws -> (
    line: String, running: RunningTermlint
  ) {
    let pipe = Pipe()
    let running = try RunningTermlint(arguments, in: dir, standardOutput: pipe)
    let reader = pipe.fileHandleForReading
    var received = Data()
    while !received.contains(0x0A) {
      let chunk = reader.availableData
      if chunk.isEmpty { break }
      received.append(chunk)
    }
    try reader.close()
    return (String(decoding: received.prefix { $0 != 0x0A }, as: UTF8.self), running)
  }

  @Test func aClosedPipeEndsQuietlyWithTheRunsOwnStatus() throws {
    let dir = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    // Far more than a pipe buffer (64 KiB) of text report.
    let big = try Self.bigArticle(3_000, in: dir)
    try """
    languages: {source: ru, target: en}
    external-rules:
      - id: house.quiet
        command: ["true"]
    """.write(to: dir.appendingPathComponent("pipeline.yml"), atomically: false, encoding: .utf8)
    // Without and with an external rule (which makes Termlint handle SIGPIPE itself: a closed
    // pipe used to crash it with a Foundation backtrace then).
    for extra in [[], ["--pipeline", "pipeline.yml"]] {
      let (line, running) = try Self.firstLineThenClose(
        ["lint", "--glossary", Self.glossary] + extra + [big], in: dir)
      #expect(line.hasPrefix(big) && line.contains("3,000 problems"), "\(line)")
      #expect(
        running.wait(limit: 60 * CLI.slowdown), "termlint did not end after its reader went away")
      #expect(running.process.terminationReason == .exit, "not killed by SIGPIPE")
      #expect(running.process.terminationStatus == 1, "the run's own status: findings")
      #expect(running.stderr.isEmpty, "no crash report, no 'Broken pipe': \(running.stderr)")
    }
    // A clean run keeps status 0.
    let (_, clean) = try Self.firstLineThenClose(["rules"], in: dir)
    #expect(clean.wait(limit: 60 * CLI.slowdown))
    #expect(
      clean.process.terminationReason == .exit && clean.process.terminationStatus == 0
        && clean.stderr.isEmpty, "\(clean.stderr)")
  }
}
