import CNcursesw
import ChatDomain
import ChatRender
import ChatUI
import Glibc

extension NcursesTerminal {
  /// Writes the frame's links over what ncurses drew (see `HyperlinkTracker`), straight to
  /// the terminal once ncurses' own output is flushed.
  func writeHyperlinks(_ grid: CellGrid, diff: GridDiff, bounds: TerminalSize) {
    let bytes = hyperlinks.bytes(for: grid, diff: diff, bounds: bounds) { role in
      sgrBytes(for: role)
    }
    guard !bytes.isEmpty else { return }
    fflush(outputFile)
    Self.writeControl(bytes, to: options.outputDescriptor)
  }

  /// The bytes ncurses sends for `role`'s attributes (`nil`: normal), which ncurses then
  /// believes current.
  private func sgrBytes(for role: StyleRole?) -> [UInt8] {
    let style =
      role.map { styles.style(for: $0) }
      ?? NcursesStyleTable.Style(attributes: NC_A_NORMAL, pair: 0)
    return withUnsafeTemporaryAllocation(of: CChar.self, capacity: 512) { buffer in
      let count = nc_sgr_bytes(style.attributes, style.pair, buffer.baseAddress, 512)
      return buffer.prefix(Int(max(0, count))).map { UInt8(bitPattern: $0) }
    }
  }
}
