import ChatCore
import ChatDomain
import Foundation
import TestSupport
import Testing

@testable import ChatCommands

/// `orchat agents new`, in-process, so the editor step can be driven with a terminal.
@Suite struct AgentsNewTests {
  let home: OrchatHome

  init() throws {
    home = try OrchatHome()
  }

  func run(terminal: Bool, editor: String? = nil, _ name: String, from: String? = nil) async
    -> (status: Int32, output: String, errors: String)
  {
    let output = MemoryOutput(isTerminal: terminal)
    let errors = MemoryOutput(isTerminal: false)
    var values = home.environment
    values["PATH"] = "/usr/bin:/bin"
    values["EDITOR"] = editor
    let context = AppContext(
      environment: ProcessEnvironment(values: values), output: output, errors: errors,
      inputIsTerminal: terminal, readLine: { nil })
    let status = await AgentsCommandRunner(context: context).new(name, from: from)
    return (status, output.text, errors.text)
  }

  var agentsDirectory: URL { home.paths.agentsDirectory }

  @Test func onATerminalTheFileOpensInTheEditorAndIsCheckedAfterwards() async throws {
    // An "editor" that uncomments the top_p line (writer sets no top_p) and sets it.
    let result = await run(
      terminal: true, editor: "sed -i 's/^# top_p = 0.9$/top_p = 0.5/'", "poet", from: "writer")
    #expect(result.status == 0, "\(result.errors)")
    let file = agentsDirectory.appendingPathComponent("poet.toml")
    #expect(result.output == "Created \(file.path)\n")
    let poet = try AgentCatalog.load(from: agentsDirectory).resolve("poet")
    let writer = try #require(Agent.builtIns.first { $0.name == "writer" })
    #expect(writer.topP == nil)
    #expect(poet.topP == 0.5)
    #expect(poet.temperature == writer.temperature)
    #expect(poet.model == writer.model)
    #expect(poet.systemPrompt == writer.systemPrompt)
  }

  @Test func aMistakeMadeInTheEditorIsReportedAndTheFileKept() async throws {
    let result = await run(
      terminal: true, editor: "sed -i 's/^# max_tokens = 4096$/max_tokens = -1/'", "broken")
    #expect(result.status == 1)
    let file = agentsDirectory.appendingPathComponent("broken.toml")
    #expect(result.errors.hasPrefix("error: \(file.path):"))
    #expect(result.errors.contains("max_tokens"))
    #expect(FileManager.default.fileExists(atPath: file.path))
  }

  @Test func anEditorThatFailsIsReported() async throws {
    let result = await run(terminal: true, editor: "false", "quitter")
    #expect(result.status == 1)
    let file = agentsDirectory.appendingPathComponent("quitter.toml")
    #expect(
      result.errors
        == "error: The editor false exited with status 1; the file is kept at \(file.path)\n")
  }

  @Test func withoutATerminalNoEditorRuns() async throws {
    // An editor that would break the file, to prove it never ran.
    let result = await run(terminal: false, editor: "sed -i 's/^model = .*/model = 1/'", "quiet")
    #expect(result.status == 0, "\(result.errors)")
    let quiet = try AgentCatalog.load(from: agentsDirectory).resolve("quiet")
    #expect(quiet.model == Agent.builtIns.first { $0.name == AppConfig.defaultAgentName }?.model)
    #expect(quiet.systemPrompt == nil)
  }

  @Test func existingFilesBadNamesAndUnknownTemplatesAreRefused() async throws {
    let first = await run(terminal: false, "twice")
    #expect(first.status == 0)
    let file = agentsDirectory.appendingPathComponent("twice.toml")
    let before = try String(contentsOf: file, encoding: .utf8)
    let second = await run(terminal: false, "twice", from: "coder")
    #expect(second.status == 1)
    #expect(second.errors == "error: \(file.path) already exists; edit it, or pick another name\n")
    #expect(try String(contentsOf: file, encoding: .utf8) == before)
    let bad = await run(terminal: false, "no spaces")
    #expect(bad.status == 1)
    #expect(bad.errors.contains("is not a valid agent name"))
    let unknown = await run(terminal: false, "copy", from: "nobody")
    #expect(unknown.status == 1)
    #expect(unknown.errors.contains("no agent named \"nobody\""))
    #expect(
      !FileManager.default.fileExists(
        atPath: agentsDirectory.appendingPathComponent("copy.toml").path))
  }
}
