// swift-tools-version: 6.2
import PackageDescription

// Layering: imports flow one way, and the compiler enforces it. A target can only import the
// targets it lists, and `.ci/run` builds with `--explicit-target-dependency-import-check
// error`, so a target may not lean on a module that only arrives through another one.
//
//   BuildInfo                                 the version number and the build's git commit
//   ChatDomain, Formatting, CWidth            pure values and text rules (no I/O libraries)
//   OpenRouter                                wire types and the HTTP client
//   ChatCore                                  services: store, engine, catalog, config
//   ChatUI → ChatRender                       pure: state, reducer, views into a cell grid
//   TerminalBackend                           ncurses
//   ChatApp, ChatCommands → orchat            the run loop and live wiring; the commands
//
// ChatUI and ChatRender depend on pure targets only, so they link no GRDB, NIO or
// AsyncHTTPClient.
let nio: [Target.Dependency] = [
  .product(name: "NIOCore", package: "swift-nio"),
  .product(name: "NIOPosix", package: "swift-nio"),
  .product(name: "NIOHTTP1", package: "swift-nio"),
]

let package = Package(
  name: "orchat",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "orchat", targets: ["orchat"]),
    .library(name: "OpenRouter", targets: ["OpenRouter"]),
  ],
  dependencies: [
    .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
    .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    // SHA-256 of attachments (stored once per content). Already in the graph through
    // async-http-client's TLS stack, so it adds no build; 3.x or 4.x, whichever resolves.
    .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
  ],
  targets: [
    // The version (written once, here) and the git commit stamped in by BuildInfoPlugin at
    // build time (nil outside a checkout; the build never needs git).
    .target(name: "BuildInfo", plugins: ["BuildInfoPlugin"]),
    .plugin(name: "BuildInfoPlugin", capability: .buildTool()),
    .systemLibrary(
      name: "CNcursesw",
      pkgConfig: "ncursesw",
      providers: [.apt(["libncurses-dev"])]
    ),
    // libc wcwidth, which Swift's Glibc module does not declare; the same measure ncurses uses.
    .target(name: "CWidth"),
    // Values only: agents, sessions, messages, catalog entries, themes, config values.
    // Formatting's sanitiser keeps session titles free of control characters.
    .target(name: "ChatDomain", dependencies: ["Formatting"]),
    // How money, prices, token counts, durations and times read, and the sanitiser for text
    // that reaches a terminal: one set of rules for the app and the commands.
    .target(name: "Formatting"),
    .target(
      name: "OpenRouter",
      dependencies: ["Formatting", .product(name: "AsyncHTTPClient", package: "async-http-client")]
        + nio
    ),
    .target(
      name: "ChatCore",
      dependencies: [
        "BuildInfo", "ChatDomain", "Formatting", "OpenRouter",
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "TOMLKit", package: "TOMLKit"),
        .product(name: "Crypto", package: "swift-crypto"),
      ],
      resources: [.embedInCode("Catalog/Resources/bundled-models.json")]
    ),
    .target(name: "ChatUI", dependencies: ["ChatDomain", "Formatting", "CWidth"]),
    .target(name: "ChatRender", dependencies: ["ChatUI", "ChatDomain", "Formatting"]),
    .target(
      name: "TerminalBackend",
      dependencies: ["CNcursesw", "CWidth", "ChatDomain", "ChatUI", "ChatRender"]
    ),
    .target(
      name: "ChatApp",
      dependencies: [
        "ChatDomain", "Formatting", "OpenRouter", "ChatCore", "ChatUI", "ChatRender",
        "TerminalBackend",
      ]
    ),
    .target(
      name: "ChatCommands",
      dependencies: ["BuildInfo", "ChatDomain", "Formatting", "OpenRouter", "ChatCore", "CWidth"]
    ),
    .executableTarget(
      name: "orchat",
      dependencies: [
        "BuildInfo", "ChatApp", "ChatCommands", "ChatCore", "ChatDomain",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // Test helpers shared by the test targets and the benchmarks: the stub OpenRouter
    // server, grid snapshots, the scripted terminal. Never linked into the product.
    .target(
      name: "TestSupport",
      dependencies: [
        "ChatDomain", "OpenRouter", "ChatCore", "ChatUI", "ChatRender", "TerminalBackend",
        "CWidth",
      ] + nio,
      resources: [.embedInCode("Stub/Resources/stub-models.json")]
    ),
    .executableTarget(
      name: "OrchatBenchmarks",
      dependencies: [
        "ChatDomain", "OpenRouter", "ChatCore", "ChatUI", "ChatRender", "TerminalBackend",
        "ChatApp", "TestSupport",
      ],
      path: "Benchmarks/OrchatBenchmarks"
    ),
    .testTarget(name: "FormattingTests", dependencies: ["Formatting", "TestSupport"]),
    .testTarget(name: "OpenRouterTests", dependencies: ["OpenRouter", "TestSupport"]),
    .testTarget(
      name: "ChatCoreTests",
      dependencies: [
        "ChatDomain", "ChatCore", "OpenRouter", "TestSupport",
        .product(name: "GRDB", package: "GRDB.swift"),
      ]
    ),
    .testTarget(
      name: "ChatUITests", dependencies: ["ChatUI", "ChatDomain", "Formatting", "TestSupport"]),
    .testTarget(
      name: "ChatRenderTests",
      dependencies: ["ChatRender", "ChatUI", "ChatDomain", "ChatCore", "TestSupport"],
      exclude: ["__Snapshots__"]  // read by assertGridSnapshot through #filePath
    ),
    .testTarget(
      name: "TerminalBackendTests",
      dependencies: [
        "TerminalBackend", "CNcursesw", "ChatDomain", "ChatUI", "ChatRender", "TestSupport",
      ]
    ),
    .testTarget(
      name: "ChatAppTests",
      dependencies: [
        "ChatApp", "ChatDomain", "OpenRouter", "ChatCore", "ChatUI", "ChatRender",
        "TerminalBackend", "TestSupport",
      ]
    ),
    .testTarget(
      name: "ChatCommandsTests",
      dependencies: [
        "ChatCommands", "ChatDomain", "ChatCore", "Formatting", "TestSupport",
        .product(name: "GRDB", package: "GRDB.swift"),
      ]
    ),
    .testTarget(
      name: "EndToEndTests", dependencies: ["BuildInfo", "TestSupport", "OpenRouter", "ChatDomain"]),
  ],
  swiftLanguageModes: [.v6]
)
