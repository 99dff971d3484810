import ChatDomain
import Foundation
import TestSupport
import Testing

@testable import ChatCore

/// Files with conversation text are 0600, whatever the umask and whatever was there before.
@Suite struct PrivateFileTests {
  let directory: TemporaryDirectory

  init() throws {
    directory = try TemporaryDirectory()
  }

  func mode(_ path: String) throws -> Int {
    try #require(
      (FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?
        .intValue)
  }

  @Test(arguments: [PrivateFile.Replacement.inPlace, .atomic])
  func anExistingReadableFileBecomesPrivate(_ replacement: PrivateFile.Replacement) throws {
    let file = try directory.write("old text", to: "export.json", mode: 0o644)
    try PrivateFile.write(Data("new".utf8), to: file.path, replacement)
    #expect(try mode(file.path) == 0o600)
    #expect(try String(contentsOf: file, encoding: .utf8) == "new")
  }

  @Test(arguments: [PrivateFile.Replacement.inPlace, .atomic, .newFile])
  func aNewFileIsPrivate(_ replacement: PrivateFile.Replacement) throws {
    let path = directory.appending("new.md").path
    try PrivateFile.write(Data("text".utf8), to: path, replacement)
    #expect(try mode(path) == 0o600)
  }

  @Test func aNewFileNeverFollowsAPlantedSymlink() throws {
    let target = try directory.write("theirs", to: "target", mode: 0o644)
    let link = directory.appending("draft.md").path
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target.path)
    #expect(throws: POSIXError.self) {
      try PrivateFile.write(Data("secret".utf8), to: link, .newFile)
    }
    #expect(try String(contentsOf: target, encoding: .utf8) == "theirs")
  }

  @Test func inPlaceWritesThroughASymlinkAndMakesTheTargetPrivate() throws {
    let target = try directory.write("old", to: "real.json", mode: 0o644)
    let link = directory.appending("link.json").path
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target.path)
    try PrivateFile.write(Data("new".utf8), to: link, .inPlace)
    #expect(try String(contentsOf: target, encoding: .utf8) == "new")
    #expect(try mode(target.path) == 0o600)
  }
}
