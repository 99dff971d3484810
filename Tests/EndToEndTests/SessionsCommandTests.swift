import Foundation
import TestSupport
import Testing

/// `orchat sessions …`, the real binary, on sessions made by `orchat ask`.
@Suite struct SessionsCommandTests {
  let orchat: BinaryRunner
  let home: OrchatHome

  init() throws {
    orchat = try BinaryRunner.orchat()
    home = try OrchatHome()
  }

  func environment(_ stub: StubOpenRouter) -> [String: String] {
    home.environment(stub: stub)
  }

  func json(_ result: BinaryRunner.Result) throws -> Any {
    try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
  }

  /// Two sessions: "first question" (continued once) and "other topic".
  func makeSessions(_ stub: StubOpenRouter) async throws {
    for arguments in [
      ["ask", "--model", "openai/gpt-4o", "first question"],
      ["ask", "--session", "last", "--model", "openai/gpt-4o", "follow up"],
      ["ask", "--model", "openai/gpt-4o", "other topic"],
    ] {
      let result = try await orchat.run(arguments, environment: environment(stub))
      #expect(result.status == 0, "\(arguments): \(result.stderr)")
    }
  }

  @Test func listPrintsTheDocumentedJSON() async throws {
    let stub = try await StubOpenRouter.start()
    try await makeSessions(stub)
    let result = try await orchat.run(
      ["sessions", "list", "--json"], environment: environment(stub))
    #expect(result.status == 0)
    let list = try #require(try json(result) as? [[String: Any]])
    #expect(list.count == 2)
    #expect(
      Set(list[0].keys) == [
        "id", "title", "created_at", "updated_at", "agent", "message_count", "cost",
      ])
    #expect(list.map { $0["title"] as? String } == ["other topic", "first question"])
    #expect(list.map { $0["message_count"] as? Int } == [2, 4])
    #expect((list[1]["cost"] as? NSNumber)?.decimalValue == Decimal(string: "0.00002"))
    #expect(list[0]["agent"] as? String == "assistant")
    let limited = try await orchat.run(
      ["sessions", "list", "--json", "--limit", "1"], environment: environment(stub))
    #expect((try json(limited) as? [Any])?.count == 1)
    let searched = try await orchat.run(
      ["sessions", "list", "--json", "--search", "follow"], environment: environment(stub))
    #expect(
      (try json(searched) as? [[String: Any]])?.map { $0["title"] as? String } == ["first question"]
    )
    let text = try await orchat.run(["sessions"], environment: environment(stub))
    let header = try #require(text.stdout.split(separator: "\n").first)
    #expect(header.split(separator: " ") == ["ID", "UPDATED", "MSGS", "COST", "AGENT", "TITLE"])
    #expect(text.stdout.hasSuffix("first question\n"))
    await stub.shutdown()
  }

  @Test func showPrintsTextMarkdownOrOneSessionObject() async throws {
    let stub = try await StubOpenRouter.start()
    try await makeSessions(stub)
    let json = try await orchat.run(
      ["sessions", "show", "last", "--format", "json"], environment: environment(stub))
    let session = try #require(try self.json(json) as? [String: Any])
    #expect(
      Set(session.keys) == [
        "id", "title", "created_at", "updated_at", "agent", "archived", "messages", "branches",
      ])
    // One question and its answer: nothing off the active path.
    #expect((session["branches"] as? [Any])?.isEmpty == true)
    let messages = try #require(session["messages"] as? [[String: Any]])
    #expect(messages.map { $0["role"] as? String } == ["user", "assistant"])
    #expect(messages[1]["served_model"] as? String == "openai/gpt-4o")
    let id = try #require(session["id"] as? String)
    let text = try await orchat.run(
      ["sessions", "show", String(id.prefix(8))], environment: environment(stub))
    #expect(text.status == 0)
    #expect(text.stdout.hasPrefix("other topic\nsession \(id) · agent assistant"))
    #expect(text.stdout.contains("\n── you · "))
    #expect(text.stdout.contains("\nYou said: other topic\n"))
    let markdown = try await orchat.run(
      ["sessions", "show", "last", "--format", "markdown"], environment: environment(stub))
    #expect(markdown.stdout.hasPrefix("---\nid: \(id)\n"))
    let missing = try await orchat.run(
      ["sessions", "show", "ffff0000"], environment: environment(stub))
    #expect(missing.status == 1)
    #expect(missing.stderr == "error: no session \"ffff0000\"\n")
    await stub.shutdown()
  }

  @Test func exportThenImportElsewhereReproducesTheSameExport() async throws {
    let stub = try await StubOpenRouter.start()
    try await makeSessions(stub)
    let file = home.root.appending("all.json")
    let export = try await orchat.run(
      ["sessions", "export", "--all", "--output", file.path], environment: environment(stub))
    #expect(export.status == 0, "\(export.stderr)")
    let mode =
      try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? NSNumber
    #expect(mode?.intValue == 0o600)
    let elsewhere = try OrchatHome()
    let imported = try await orchat.run(
      ["sessions", "import", file.path], environment: elsewhere.environment)
    #expect(imported.status == 0, "\(imported.stderr)")
    #expect(imported.stderr == "Imported 2 session(s) from \(file.path)\n")
    let again = try await orchat.run(
      ["sessions", "export", "--all"], environment: elsewhere.environment)
    #expect(again.stdout == (try String(contentsOf: file, encoding: .utf8)))
    await stub.shutdown()
  }

  @Test func aMalformedImportIsRefusedWithOneLineAndWritesNothing() async throws {
    let file = try home.root.write(
      #"{"schema_version": 1, "sessions": [{"id": "x"}]}"#, to: "bad.json")
    let result = try await orchat.run(
      ["sessions", "import", file.path], environment: home.environment)
    #expect(result.status == 1)
    #expect(
      result.stderr
        == "error: \(file.path): not a valid orchat export: sessions[0].title: missing\n")
    let list = try await orchat.run(["sessions", "list", "--json"], environment: home.environment)
    #expect((try json(list) as? [Any])?.isEmpty == true)
  }

  @Test func renameAndDelete() async throws {
    let stub = try await StubOpenRouter.start()
    try await makeSessions(stub)
    let rename = try await orchat.run(
      ["sessions", "rename", "last", "Renamed", "topic"], environment: environment(stub))
    #expect(rename.status == 0)
    #expect(rename.stdout.hasSuffix(": Renamed topic\n"))
    let refused = try await orchat.run(
      ["sessions", "delete", "last"], environment: environment(stub))
    #expect(refused.status == 1)
    #expect(refused.stderr.contains("without --yes"))
    let deleted = try await orchat.run(
      ["sessions", "delete", "last", "--yes"], environment: environment(stub))
    #expect(deleted.status == 0)
    #expect(deleted.stdout.contains("\"Renamed topic\""))
    let list = try await orchat.run(["sessions", "list", "--json"], environment: environment(stub))
    #expect(
      (try json(list) as? [[String: Any]])?.map { $0["title"] as? String } == ["first question"])
    await stub.shutdown()
  }
}
