import ChatCore
import ChatDomain
import ChatUI
import Foundation
import TestSupport
import Testing

@testable import ChatApp

/// The full-screen app's files with conversation text: `/export` and the `$EDITOR` draft
/// are readable by the user only.
@Suite struct PrivateFilesTests {
  let home: OrchatHome

  init() throws {
    home = try OrchatHome()
  }

  func mode(_ path: String) throws -> Int {
    try #require(
      (FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?
        .intValue)
  }

  @Test(arguments: [ChatUI.ExportFormat.json, .markdown])
  func slashExportWritesAPrivateFile(_ format: ChatUI.ExportFormat) async throws {
    let store = try await home.openStore()
    let session = try await store.createSession(title: "private talk", agent: "assistant")
    let fresh = home.root.appending("fresh-export").path
    #expect(
      try await EffectRunner.export(session.id, format: format, to: fresh, store: store) == fresh)
    #expect(try mode(fresh) == 0o600)
    let existing = try home.root.write("old", to: "existing-export", mode: 0o644).path
    _ = try await EffectRunner.export(session.id, format: format, to: existing, store: store)
    #expect(try mode(existing) == 0o600)
    #expect(try String(contentsOfFile: existing, encoding: .utf8).contains("private talk"))
  }

  @Test func theEditorDraftIsPrivate() throws {
    let seen = home.root.appending("draft-mode").path
    let editor = try home.root.write(
      "#!/bin/sh\nstat -c %a \"$1\" > \(TmuxSession.shellQuoted(seen))\nprintf edited > \"$1\"\n",
      to: "editor.sh", mode: 0o755)
    let result = ExternalEditor.edit("my draft", environment: ["EDITOR": editor.path])
    #expect(try result.get() == "edited")
    #expect(try String(contentsOfFile: seen, encoding: .utf8) == "600\n")
  }
}
