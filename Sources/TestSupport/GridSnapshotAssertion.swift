import ChatCore
import ChatDomain
import ChatRender
import Foundation
import Testing

/// Compares a frame with its recorded text snapshot (see `GridSnapshot`), failing the
/// current test on any difference.
///
/// The snapshot lives next to the test target:
/// `Tests/<Target>/__Snapshots__/<Suite>/<test>[.<name>].<cols>x<rows>.txt`, located from
/// `#filePath`. Run with `RECORD_SNAPSHOTS=1` to (re-)record: the file is written and the
/// test fails, so a recording run can never pass by accident. A missing snapshot is
/// recorded and fails the same way.
///
/// - Parameters:
///   - frame: what was rendered.
///   - name: distinguishes several snapshots taken in one test.
public func assertGridSnapshot(
  _ frame: Frame, named name: String? = nil, fileID: String = #fileID,
  filePath: String = #filePath, function: String = #function, line: Int = #line,
  column: Int = #column
) {
  compareSnapshot(
    GridSnapshot.encode(frame), of: frame, named: name, fileID: fileID, filePath: filePath,
    function: function, line: line, column: column)
}

/// `assertGridSnapshot` plus a block giving each role's colours and attributes in `theme`,
/// so one screen snapshotted in two themes records what each theme makes of it.
public func assertGridSnapshot(
  _ frame: Frame, theme: Theme, named name: String? = nil, fileID: String = #fileID,
  filePath: String = #filePath, function: String = #function, line: Int = #line,
  column: Int = #column
) {
  var text = GridSnapshot.encode(frame)
  var used: [StyleRole] = []
  for cell in frame.grid.cells where !used.contains(cell.role) { used.append(cell.role) }
  text += "styles  theme \(theme.name)\n"
  for role in used {
    let style = theme[role]
    let attributes = TextAttributes.fieldNames.filter { style.attributes.contains($0.attribute) }
      .map(\.name).joined(separator: " ")
    text += "  \(role.rawValue): fg \(style.foreground) bg \(style.background) \(attributes)\n"
  }
  compareSnapshot(
    text, of: frame, named: [name, theme.name].compactMap { $0 }.joined(separator: "."),
    fileID: fileID, filePath: filePath, function: function, line: line, column: column)
}

private func compareSnapshot(
  _ actual: String, of frame: Frame, named name: String?, fileID: String, filePath: String,
  function: String, line: Int, column: Int
) {
  let location = SourceLocation(fileID: fileID, filePath: filePath, line: line, column: column)
  let url = snapshotURL(
    for: frame, named: name, filePath: filePath, function: function)
  let isRecording =
    ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"].map {
      !$0.isEmpty && $0 != "0"
    } ?? false
  let expected = try? String(contentsOf: url, encoding: .utf8)
  if !isRecording, let expected {
    if expected != actual {
      Issue.record(
        "Snapshot \(url.lastPathComponent) differs:\n\(lineDiff(expected, actual))",
        sourceLocation: location)
    }
    return
  }
  do {
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try actual.write(to: url, atomically: true, encoding: .utf8)
    let reason = isRecording ? "RECORD_SNAPSHOTS is set" : "no snapshot existed"
    Issue.record(
      "Recorded \(url.path) because \(reason); run again without RECORD_SNAPSHOTS to check.",
      sourceLocation: location)
  } catch {
    Issue.record(error, "Could not record snapshot \(url.path)", sourceLocation: location)
  }
}

/// `assertGridSnapshot` for a grid with a hidden cursor.
public func assertGridSnapshot(
  _ grid: CellGrid, named name: String? = nil, fileID: String = #fileID,
  filePath: String = #filePath, function: String = #function, line: Int = #line,
  column: Int = #column
) {
  assertGridSnapshot(
    Frame(grid: grid), named: name, fileID: fileID, filePath: filePath, function: function,
    line: line, column: column)
}

/// `Tests/<Target>/__Snapshots__/<Suite>/<test>[.<name>].<cols>x<rows>.txt`. The suite and
/// test names come from the running test; outside one, from the file and function.
private func snapshotURL(
  for frame: Frame, named name: String?, filePath: String, function: String
) -> URL {
  let file = URL(fileURLWithPath: filePath)
  var target = file.deletingLastPathComponent()
  while target.pathComponents.count > 1,
    target.deletingLastPathComponent().lastPathComponent != "Tests"
  {
    target = target.deletingLastPathComponent()
  }
  if target.pathComponents.count <= 1 { target = file.deletingLastPathComponent() }
  var components = Test.current?.id.nameComponents ?? []
  let testName = components.popLast() ?? function
  let suite =
    components.isEmpty
    ? file.deletingPathExtension().lastPathComponent
    : components.joined(separator: ".")
  let test = String(testName.prefix(while: { $0 != "(" }))
  let size = "\(frame.grid.width)x\(frame.grid.height)"
  let fileName = [test, name, size, "txt"].compactMap { $0 }.joined(separator: ".")
  return target.appendingPathComponent("__Snapshots__").appendingPathComponent(suite)
    .appendingPathComponent(fileName)
}

/// The differing lines of two snapshots, numbered, expected first.
private func lineDiff(_ expected: String, _ actual: String) -> String {
  let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
  let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
  var report: [String] = []
  for index in 0..<max(old.count, new.count) {
    let before = index < old.count ? old[index] : "<none>"
    let after = index < new.count ? new[index] : "<none>"
    guard before != after else { continue }
    report.append("\(index + 1) expected: \(before)")
    report.append("\(index + 1) actual:   \(after)")
  }
  return report.joined(separator: "\n")
}
