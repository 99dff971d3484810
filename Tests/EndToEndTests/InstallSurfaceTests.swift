import BuildInfo
import Foundation
import TestSupport
import Testing

/// What an installed orchat offers besides chatting: its version, shell completions that
/// know the dynamic values, `themes` and `agents new`; and the build stamp behind `version`.
@Suite struct InstallSurfaceTests {
  let orchat: BinaryRunner
  let home: OrchatHome

  init() throws {
    orchat = try BinaryRunner.orchat()
    home = try OrchatHome()
  }

  @Test func versionHasOneSourceOfTruth() async throws {
    let short = try await orchat.run(["--version"], environment: home.environment)
    #expect(short.status == 0)
    #expect(short.stdout == "orchat \(BuildInfo.versionLine)\n")
    let json = try await orchat.run(["version", "--json"], environment: home.environment)
    #expect(json.status == 0)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    #expect(Set(object.keys) == ["version", "commit", "swift_version", "sqlite_version"])
    #expect(object["version"] as? String == BuildInfo.version)
    #expect(object["swift_version"] as? String == BuildInfo.swiftVersion)
    #expect((object["sqlite_version"] as? String)?.hasPrefix("3.") == true)
    if let commit = BuildInfo.commit {
      #expect(object["commit"] as? String == commit)
      #expect(commit.count == 40 && commit.allSatisfy(\.isHexDigit))
    } else {
      #expect(object["commit"] is NSNull)
    }
    // The client introduces itself with the same version.
    let stub = try await StubOpenRouter.start()
    let environment = home.environment(stub: stub, key: "k")
    #expect(try await orchat.run(["ask", "hi"], environment: environment).status == 0)
    #expect(stub.chatRequests.first?.header("user-agent") == "orchat/\(BuildInfo.version)")
    await stub.shutdown()
  }

  /// Runs bash's completion for `words` (the last being the word under the cursor) with the
  /// generated script, the binary on PATH as `orchat`, and this test's home.
  func complete(_ words: [String], script: URL) async throws -> [String] {
    let binDirectory = URL(fileURLWithPath: orchat.executable).deletingLastPathComponent().path
    let quoted = words.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
    let program = """
      source '\(script.path)'
      COMP_WORDS=(\(quoted.joined(separator: " ")))
      COMP_CWORD=\(words.count - 1)
      COMP_LINE="${COMP_WORDS[*]}"
      COMP_POINT=${#COMP_LINE}
      _orchat orchat "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
      printf '%s\\n' "${COMPREPLY[@]}"
      """
    var environment = home.environment
    environment["PATH"] = "\(binDirectory):/usr/bin:/bin"
    let result = try await orchat.start(
      ["--noprofile", "--norc", "-c", program], environment: environment, executable: "/bin/bash"
    ).finish()
    #expect(result.status == 0, "\(result.stderr)")
    return result.stdout.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
  }

  @Test func bashCompletionOffersModelsAgentsThemesAndSessions() async throws {
    let generated = try await orchat.run(
      ["--generate-completion-script", "bash"], environment: home.environment)
    #expect(generated.status == 0)
    let script = try home.root.write(generated.stdout, to: "orchat.bash")
    let loaded = try await orchat.start(
      ["--noprofile", "--norc", "-c", "source '\(script.path)'; complete -p orchat"],
      environment: home.environment, executable: "/bin/bash"
    ).finish()
    #expect(loaded.stdout == "complete -o filenames -F _orchat orchat\n")

    #expect(try await complete(["orchat", "doc"], script: script) == ["doctor"])
    let models = try await complete(
      ["orchat", "ask", "--model", "openai/gpt-4o-m"], script: script)
    #expect(models.contains("openai/gpt-4o-mini"))
    #expect(models.allSatisfy { $0.hasPrefix("openai/gpt-4o-m") })
    try home.writeAgent("poet", "model = \"a/b\"\n")
    #expect(try await complete(["orchat", "chat", "--agent", "p"], script: script) == ["poet"])
    #expect(
      try await complete(["orchat", "agents", "new", "x", "--from", "c"], script: script) == [
        "coder"
      ])
    #expect(
      try await complete(["orchat", "themes", "show", "solarized-"], script: script)
        == ["solarized-dark", "solarized-light"])
    // No database yet: only `last`, and nothing is created by asking.
    #expect(try await complete(["orchat", "sessions", "show", ""], script: script) == ["last"])
    #expect(!FileManager.default.fileExists(atPath: home.paths.database.path))

    let stub = try await StubOpenRouter.start()
    let environment = home.environment(stub: stub, key: "k")
    #expect(try await orchat.run(["ask", "hi"], environment: environment).status == 0)
    await stub.shutdown()
    let id = try await home.openStore().resolveSession("last").id
    #expect(
      try await complete(["orchat", "ask", "--session", ""], script: script) == ["last", id])
    #expect(
      try await complete(["orchat", "sessions", "delete", String(id.prefix(4))], script: script)
        == [id])
  }

  @Test func zshAndFishScriptsAreGenerated() async throws {
    let zsh = try await orchat.run(
      ["--generate-completion-script", "zsh"], environment: home.environment)
    #expect(zsh.status == 0)
    #expect(zsh.stdout.hasPrefix("#compdef orchat"))
    #expect(zsh.stdout.contains("---completion ask -- --model"))
    let fish = try await orchat.run(
      ["--generate-completion-script", "fish"], environment: home.environment)
    #expect(fish.status == 0)
    #expect(
      fish.stdout.contains("complete -c 'orchat'") || fish.stdout.contains("complete -c orchat"))
    #expect(fish.stdout.contains("---completion"))
  }

  @Test func themesAndNewAgentsFromTheBinary() async throws {
    let list = try await orchat.run(["themes"], environment: home.environment)
    #expect(list.status == 0)
    #expect(list.stdout.hasPrefix("NAME "))
    #expect(list.stdout.contains("\ndark *  "))
    let show = try await orchat.run(["themes", "show", "light"], environment: home.environment)
    #expect(show.status == 0)
    #expect(show.stdout.hasPrefix("name: light\nbackground: light\n"))
    #expect(!show.stdout.contains("\u{1B}"))

    let created = try await orchat.run(
      ["agents", "new", "reviewer", "--from", "coder"], environment: home.environment)
    #expect(created.status == 0, "\(created.stderr)")
    let file = home.paths.agentsDirectory.appendingPathComponent("reviewer.toml")
    #expect(created.stdout == "Created \(file.path)\n")
    let shown = try await orchat.run(
      ["agents", "show", "reviewer", "--json"], environment: home.environment)
    let coder = try await orchat.run(
      ["agents", "show", "coder", "--json"], environment: home.environment)
    var reviewer = try #require(
      try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any])
    var original = try #require(
      try JSONSerialization.jsonObject(with: Data(coder.stdout.utf8)) as? [String: Any])
    #expect(reviewer["source"] as? String == file.path)
    for key in ["name", "source"] {
      reviewer[key] = nil
      original[key] = nil
    }
    #expect(NSDictionary(dictionary: reviewer) == NSDictionary(dictionary: original))
  }

  @Test func theBuildStampIsHeadOfTheCheckoutOrNil() async throws {
    let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Scripts/build-info.sh")
    let directory = try TemporaryDirectory()
    func stamp(_ package: URL) async throws -> String {
      let output = directory.appending("out-\(UUID().uuidString)")
      let result = try await orchat.start(
        [script.path, package.path, output.path], environment: [:], executable: "/bin/sh"
      ).finish()
      #expect(result.status == 0, "\(result.stderr)")
      return try String(
        contentsOf: output.appendingPathComponent("BuildInfo+Commit.swift"), encoding: .utf8)
    }
    // Not a checkout (a source archive): nil.
    let plain = directory.appending("plain")
    try FileManager.default.createDirectory(at: plain, withIntermediateDirectories: true)
    #expect(try await stamp(plain).contains("static let generatedCommit: String? = nil\n"))
    // A checkout: its HEAD.
    let checkout = directory.appending("checkout")
    try FileManager.default.createDirectory(at: checkout, withIntermediateDirectories: true)
    let git = """
      cd '\(checkout.path)' && git init -q && git -c user.name=t -c user.email=t@e \
      commit -q --allow-empty -m one && git rev-parse HEAD
      """
    let head = try await orchat.start(["-c", git], environment: [:], executable: "/bin/sh").finish()
    #expect(head.status == 0, "\(head.stderr)")
    let commit = head.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    #expect(
      try await stamp(checkout).contains("static let generatedCommit: String? = \"\(commit)\"\n"))
    // A folder inside someone else's checkout is not that checkout's build: nil.
    let nested = checkout.appendingPathComponent("vendor/orchat")
    try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
    #expect(try await stamp(nested).contains("= nil\n"))
  }
}
