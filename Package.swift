// swift-tools-version: 6.2
import PackageDescription

// Layering (imports flow one way; the compiler enforces it because a target can only import
// what it lists):
// OpenRouter → ChatCore → ChatUI → ChatRender → TerminalBackend → ChatApp → orchat
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
    .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
  ],
  targets: [
    .systemLibrary(
      name: "CNcursesw",
      pkgConfig: "ncursesw",
      providers: [.apt(["libncurses-dev"])]
    ),
    .target(
      name: "OpenRouter",
      dependencies: [
        .product(name: "AsyncHTTPClient", package: "async-http-client"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOHTTP1", package: "swift-nio"),
        .product(name: "Logging", package: "swift-log"),
      ]
    ),
    .target(
      name: "ChatCore",
      dependencies: [
        "OpenRouter",
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "TOMLKit", package: "TOMLKit"),
        .product(name: "Logging", package: "swift-log"),
      ]
    ),
    // libc wcwidth, which Swift's Glibc module does not declare; the same measure ncurses uses.
    .target(name: "CWidth"),
    .target(name: "ChatUI", dependencies: ["ChatCore", "CWidth"]),
    .target(name: "ChatRender", dependencies: ["ChatUI"]),
    // Lists every module it imports: themes (ChatCore), input and size types (ChatUI), the
    // grid (ChatRender), and libc wcwidth/locale (CWidth).
    .target(
      name: "TerminalBackend",
      dependencies: ["CNcursesw", "CWidth", "ChatCore", "ChatUI", "ChatRender"]
    ),
    .target(
      name: "ChatApp",
      dependencies: [
        "OpenRouter", "ChatCore", "ChatUI", "ChatRender", "TerminalBackend",
        .product(name: "Logging", package: "swift-log"),
      ]
    ),
    .executableTarget(
      name: "orchat",
      dependencies: [
        "ChatApp",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // Test helpers shared by the test targets and the benchmarks: the stub OpenRouter
    // server, grid snapshots, the scripted terminal. Never linked into the product.
    .target(
      name: "TestSupport",
      dependencies: [
        "OpenRouter", "ChatCore", "ChatUI", "ChatRender", "TerminalBackend", "CWidth",
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOHTTP1", package: "swift-nio"),
      ]
    ),
    .executableTarget(
      name: "OrchatBenchmarks",
      dependencies: [
        "OpenRouter", "ChatCore", "ChatUI", "ChatRender", "TerminalBackend", "ChatApp",
        "TestSupport",
      ],
      path: "Benchmarks/OrchatBenchmarks"
    ),
    .testTarget(name: "OpenRouterTests", dependencies: ["OpenRouter", "TestSupport"]),
    .testTarget(name: "ChatCoreTests", dependencies: ["ChatCore", "OpenRouter", "TestSupport"]),
    .testTarget(name: "ChatUITests", dependencies: ["ChatUI", "ChatCore", "TestSupport"]),
    .testTarget(
      name: "ChatRenderTests", dependencies: ["ChatRender", "ChatUI", "ChatCore", "TestSupport"],
      exclude: ["__Snapshots__"]  // read by assertGridSnapshot through #filePath
    ),
    .testTarget(
      name: "TerminalBackendTests",
      dependencies: ["TerminalBackend", "CNcursesw", "ChatCore", "ChatUI", "ChatRender", "TestSupport"]
    ),
    .testTarget(
      name: "ChatAppTests",
      dependencies: [
        "ChatApp", "OpenRouter", "ChatCore", "ChatUI", "ChatRender", "TerminalBackend", "TestSupport",
      ]
    ),
    .testTarget(name: "EndToEndTests", dependencies: ["TestSupport", "OpenRouter"]),
  ],
  swiftLanguageModes: [.v6]
)
