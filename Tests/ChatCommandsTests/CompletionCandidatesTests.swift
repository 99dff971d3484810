import ChatCore
import ChatDomain
import Foundation
import TestSupport
import Testing

@testable import ChatCommands

/// The dynamic values of the shell completions: from local files only, and nothing (not an
/// error) when a file is missing or unreadable.
@Suite struct CompletionCandidatesTests {
  let home: OrchatHome

  init() throws {
    home = try OrchatHome()
  }

  @Test func anEmptyHomeOffersBuiltInsAndCreatesNothing() throws {
    let environment = home.environment
    #expect(CompletionCandidates.sessions(prefix: "", environment: environment) == ["last"])
    #expect(
      CompletionCandidates.agents(prefix: "", environment: environment) == [
        "assistant", "coder", "writer",
      ])
    let models = CompletionCandidates.models(prefix: "openai/gpt-4o", environment: environment)
    #expect(models.contains("openai/gpt-4o"))
    #expect(models.allSatisfy { $0.hasPrefix("openai/gpt-4o") })
    #expect(
      CompletionCandidates.themes(prefix: "solarized", environment: environment) == [
        "solarized-dark", "solarized-light",
      ])
    #expect(home.root.allFiles().isEmpty)
  }

  @Test func sessionsComeMostRecentFirst() async throws {
    let store = try await home.openStore()
    let old = try await store.createSession(
      title: "old", agent: "assistant", at: Date(timeIntervalSince1970: 10))
    let new = try await store.createSession(
      title: "new", agent: "assistant", at: Date(timeIntervalSince1970: 20))
    let all = CompletionCandidates.sessions(prefix: "", environment: home.environment)
    #expect(all == ["last", new.id, old.id])
    let prefix = String(old.id.prefix(6))
    #expect(
      CompletionCandidates.sessions(prefix: prefix, environment: home.environment).contains(old.id))
  }

  @Test func brokenFilesGiveNoCandidatesRatherThanErrors() throws {
    try home.root.write("garbage", to: "data/orchat/orchat.sqlite")
    try home.root.write("{not json", to: "cache/orchat/models.json")
    try home.writeAgent("broken", "temperature = 9\n")
    try home.writeAgent("fine", "model = \"a/b\"\n")
    #expect(CompletionCandidates.sessions(prefix: "", environment: home.environment) == ["last"])
    #expect(!CompletionCandidates.models(prefix: "", environment: home.environment).isEmpty)
    #expect(
      CompletionCandidates.agents(prefix: "", environment: home.environment) == [
        "assistant", "coder", "fine", "writer",
      ])
  }

  @Test func valuesThatCouldConfuseAShellAreDropped() {
    #expect(
      CompletionCandidates.filter(
        ["ok", "has space", "tab\there", "esc\u{1B}[2J", "ok", "c1\u{85}"], prefix: "")
        == ["ok"])
    #expect(CompletionCandidates.filter(["abc", "abd", "x"], prefix: "ab") == ["abc", "abd"])
  }
}
