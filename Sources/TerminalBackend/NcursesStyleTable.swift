import CNcursesw
import ChatDomain

/// The ncurses attributes and colour pair for each `StyleRole` of the current theme,
/// computed on first use of a role and cached.
///
/// **Invariants:** `cache` holds only entries computed from `theme`; `setTheme` clears it.
/// Pair numbers survive a theme switch (the allocator is keyed by colours), so switching
/// back and forth does not exhaust pairs.
///
/// - Important: `style(for:)` may call `init_pair`/`init_extended_pair`: use it on the
///   thread that owns ncurses, after `start_color`.
struct NcursesStyleTable {
  struct Style {
    var attributes: attr_t
    var pair: Int32
  }

  let depth: ColorDepth
  /// False when `use_default_colors` failed: colour -1 is then unusable and the terminal
  /// default is taken to be white on black, as ncurses does.
  var hasDefaultColors = true
  private(set) var theme: Theme?
  private var allocator: ColorPairAllocator
  private var cache: [StyleRole: Style] = [:]

  init(colorCount: Int, pairCapacity: Int) {
    depth = ColorDepth(colorCount: colorCount)
    allocator = ColorPairAllocator(capacity: pairCapacity)
  }

  mutating func setTheme(_ theme: Theme) {
    self.theme = theme
    cache.removeAll(keepingCapacity: true)
  }

  /// The style of `role`; the terminal's plain style before any theme is set.
  mutating func style(for role: StyleRole) -> Style {
    if let cached = cache[role] { return cached }
    guard let theme else { return Style(attributes: NC_A_NORMAL, pair: 0) }
    let themeStyle = theme[role]
    var style = Style(attributes: Self.attributes(themeStyle.attributes), pair: 0)
    if depth != .monochrome {
      var foreground = ColorMapping.colorNumber(for: themeStyle.foreground, depth: depth)
      var background = ColorMapping.colorNumber(for: themeStyle.background, depth: depth)
      if !hasDefaultColors {
        if foreground < 0 { foreground = Int32(COLOR_WHITE) }
        if background < 0 { background = Int32(COLOR_BLACK) }
      }
      let colors = ColorPairAllocator.Colors(foreground: foreground, background: background)
      let allocation = allocator.pair(for: colors)
      if allocation.isNew {
        if allocation.isExtended {
          _ = init_extended_pair(allocation.number, foreground, background)
        } else {
          _ = init_pair(Int16(allocation.number), Int16(foreground), Int16(background))
        }
      }
      style.pair = allocation.number
    }
    cache[role] = style
    return style
  }

  static func attributes(_ attributes: TextAttributes) -> attr_t {
    var result = NC_A_NORMAL
    if attributes.contains(.bold) { result |= NC_A_BOLD }
    if attributes.contains(.italic) { result |= NC_A_ITALIC }
    if attributes.contains(.underline) { result |= NC_A_UNDERLINE }
    if attributes.contains(.reverse) { result |= NC_A_REVERSE }
    if attributes.contains(.dim) { result |= NC_A_DIM }
    return result
  }
}
