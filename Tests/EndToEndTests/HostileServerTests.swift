import Foundation
import TestSupport
import Testing

/// Numbers a server sends never crash the binary: a failure is one `error:` line and exit
/// status 1, a reply with nonsense usage is still stored whole.
@Suite struct HostileServerTests {
  let orchat: BinaryRunner
  let home: OrchatHome

  init() throws {
    orchat = try BinaryRunner.orchat()
    home = try OrchatHome()
  }

  func environment(_ stub: StubOpenRouter) -> [String: String] {
    home.environment(stub: stub)
  }

  @Test(arguments: [
    ("retry-after-ms", "1e300"), ("Retry-After", "inf"), ("X-RateLimit-Reset", "1e300"),
    ("retry-after-ms", "1e22"),
  ])
  func hostileRetryHintsGiveOneErrorLine(header: String, value: String) async throws {
    let stub = try await StubOpenRouter.start()
    stub.enqueue(
      .json(
        #"{"error":{"code":1e300,"message":"slow down","metadata":{"provider_code":1e300,"#
          + #""headers":{"X-RateLimit-Reset":1e300}}}}"#,
        status: 429, headers: [(header, value)]))
    let result = try await orchat.run(
      ["ask", "--model", "openai/gpt-4o-mini", "hi"], environment: environment(stub))
    #expect(!result.wasSignalled)
    #expect(result.status == 1)
    #expect(result.stderr.hasPrefix("error: Rate limited"))
    #expect(result.stderr.filter { $0 == "\n" }.count == 1)
    let store = try await home.openStore()
    let session = try await store.resolveSession("last")
    let stored = try await store.messages(sessionID: session.id)
    #expect(stored.last?.status == .error)
    #expect(stored.last?.error?.hasPrefix("Rate limited") == true)
    await stub.shutdown()
  }

  @Test func nonsenseUsageStillStoresTheWholeReply() async throws {
    let stub = try await StubOpenRouter.start()
    let chunks = StubChunks()
    stub.enqueue(
      .sse([
        .data(chunks.content("Kept whole.")), .data(chunks.finish()),
        .data(
          #"{"choices":[],"usage":{"prompt_tokens":9223372036854775807,"#
            + #""completion_tokens":9223372036854775807,"cost":1e300}}"#),
        .done,
      ]))
    let result = try await orchat.run(
      ["ask", "--model", "openai/gpt-4o-mini", "hi"], environment: environment(stub))
    #expect(!result.wasSignalled)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout == "Kept whole.\n")
    let usage = try await orchat.run(["usage", "--json"], environment: environment(stub))
    #expect(usage.status == 0, "\(usage.stderr)")
    await stub.shutdown()
  }
}
