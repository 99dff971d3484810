import Foundation
import TestSupport
import Testing

/// A key with a control character or a space (a trailing `\r` from a Windows file, a
/// pasted space) is refused before any request, in one line that does not print it, and
/// appears nowhere: not on the screen, not in the database, not in the request log.
@Suite struct MalformedKeyTests {
  let orchat: BinaryRunner
  let home: OrchatHome

  init() throws {
    orchat = try BinaryRunner.orchat()
    home = try OrchatHome()
  }

  static let refusal =
    "error: OPENROUTER_API_KEY contains a control character or space; set it again without them\n"

  @Test(arguments: ["\r", "\r\n", " ", "\t", "\u{7F}"])
  func aMalformedKeyGivesOneCleanLineAndLeaksNowhere(bad: String) async throws {
    let sentinel = "sk-or-v1-SENTINEL\(UUID().uuidString.replacingOccurrences(of: "-", with: ""))"
    let stub = try await StubOpenRouter.start()
    let base = home.environment.merging(["OPENROUTER_BASE_URL": stub.baseURL]) { $1 }
    // A first exchange with a good key, so the database and the request log exist.
    let good = try await orchat.run(
      ["ask", "--model", "stub/ok-stream", "hi"],
      environment: base.merging(["OPENROUTER_API_KEY": "sk-or-v1-good"]) { $1 })
    #expect(good.status == 0, "\(good.stderr)")

    let malformed = base.merging(["OPENROUTER_API_KEY": sentinel + bad]) { $1 }
    var outputs: [BinaryRunner.Result] = []
    for arguments in [
      ["ask", "--model", "stub/ok-stream", "hello"], ["ask", "--session", "last", "again"],
      ["models", "--refresh"],
    ] {
      let result = try await orchat.run(arguments, environment: malformed)
      #expect(result.status == 1, "\(arguments)")
      #expect(result.stderr == Self.refusal, "\(arguments)")
      #expect(result.stdout.isEmpty, "\(arguments)")
      outputs.append(result)
    }
    // Nothing was sent with it.
    #expect(stub.requests.allSatisfy { $0.header("Authorization") == "Bearer sk-or-v1-good" })
    for output in outputs {
      #expect(!output.stderr.contains(sentinel))
      #expect(!output.stdout.contains(sentinel))
    }
    let files = home.root.allFiles()
    #expect(files.contains { $0.lastPathComponent == "orchat.sqlite" })
    for file in files {
      let bytes = try Data(contentsOf: file)
      #expect(bytes.range(of: Data(sentinel.utf8)) == nil, "the key is in \(file.path)")
      #expect(bytes.range(of: Data("SENTINEL".utf8)) == nil, "part of the key is in \(file.path)")
    }
    let store = try await home.openStore()
    let log = try await store.requestLog()
    #expect(log.allSatisfy { !($0.errorMessage ?? "").contains("SENTINEL") })
    await stub.shutdown()
  }
}
