# Builds Colophon for Windows with the JDK's jlink and jpackage (run on Windows; it cannot be built elsewhere):
#   target\installer\app-image\Colophon\          self-contained app (Colophon.exe + runtime + app)
#   target\installer\Colophon-<version>.msi         the installer users download and double-click
# Same steps and settings (packaging\app.conf) as the Linux build (packaging/build.sh): a jlinked runtime
# holding JavaFX's modules, only the modules jdeps finds, the app on the class path without the JavaFX jars.
#
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1 [-SkipMaven]
#
# Needs: a JDK 17+ with jmods (JAVA_HOME, e.g. Temurin 17 or 21 x64), Maven on PATH, and WiX Toolset 3.x
# (candle.exe and light.exe on PATH: jpackage 17-23 builds the .msi with WiX 3; a JDK 24+ jpackage also takes
# WiX 4/5). The .msi installs per machine into C:\Program Files\Colophon, with a Start menu entry and a desktop
# shortcut, and lets the user pick the folder. Colophon.exe is the window. A Windows GUI program cannot
# write to the console that started it, so the command line is a second launcher, colophon-cli.exe, a
# console build of the same launcher: "C:\Program Files\Colophon\colophon-cli.exe" --help
# (add that folder to PATH to type colophon-cli anywhere).
param([switch]$SkipMaven)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3

function Say($text) { Write-Host "==> $text" }
function Invoke-Tool {
    # Runs a native command and stops on a non-zero exit code (PowerShell 5 does not).
    $exe, $rest = $args
    & $exe @rest
    if ($LASTEXITCODE -ne 0) { throw "$exe exited with $LASTEXITCODE" }
}

$Packaging = Split-Path -Parent $PSScriptRoot
$Root = Split-Path -Parent $Packaging
$conf = @{}
foreach ($line in Get-Content "$Packaging\app.conf") {
    if ($line -and -not $line.StartsWith('#')) {
        $key, $value = $line -split '=', 2
        $conf[$key] = $value
    }
}
$BuildDirName = if ($env:COLOPHON_BUILD_DIR) { $env:COLOPHON_BUILD_DIR } else { 'target' }
$Build = Join-Path $Root $BuildDirName
$Out = Join-Path $Build 'installer'
$Work = Join-Path $Out 'work'

# The JDK: JAVA_HOME, with jmods\ (jlink links from them) and jpackage.
if (-not $env:JAVA_HOME) { throw 'Set JAVA_HOME to a JDK 17+ with jmods (e.g. Temurin 17 x64)' }
$Jdk = $env:JAVA_HOME
foreach ($need in 'bin\jpackage.exe', 'bin\jlink.exe', 'jmods\java.base.jmod') {
    if (-not (Test-Path (Join-Path $Jdk $need))) { throw "${Jdk} has no ${need}: set JAVA_HOME to a full JDK 17+" }
}
if (-not (Get-Command candle.exe -ErrorAction SilentlyContinue)) {
    throw 'WiX Toolset 3 (candle.exe, light.exe) is not on PATH: install it from the WiX releases and add its bin folder'
}
Say "JDK: $Jdk"
New-Item -ItemType Directory -Force $Work | Out-Null

if (-not $SkipMaven) {
    Say 'Maven: package (tests neither compiled nor run: CI runs them)'
    Push-Location $Root
    try { Invoke-Tool mvn -B -ntp -q "-Dmaven.test.skip=true" "-DbuildDir=$BuildDirName" package } finally { Pop-Location }
}
$MainJar = Join-Path $Build $conf.MAIN_JAR
if (-not (Test-Path $MainJar)) { throw "$MainJar was not built" }

# Version: pom.xml's, as Maven wrote it; jpackage wants numbers only (no -SNAPSHOT).
$Version = ((Get-Content "$Build\maven-archiver\pom.properties") -match '^version=' -replace '^version=', '') | Select-Object -First 1
$AppVersion = [regex]::Match($Version, '^\d+(\.\d+){0,2}').Value
Say "Version: $Version (installer version $AppVersion)"

# JavaFX's Windows jars (javafx-graphics-21.0.11-win.jar …) become jmods with their DLLs in the native
# section, so jlink puts them in the runtime's bin\ and JavaFX loads them from there.
$FxJars = @(Get-ChildItem "$Build\lib" -Filter 'javafx-*-*-*.jar')
if ($FxJars.Count -eq 0) { throw "no JavaFX platform jars in $Build\lib" }
$FxJmods = Join-Path $Work 'javafx-jmods'
Remove-Item -Recurse -Force $FxJmods, "$Work\javafx-unpacked" -ErrorAction SilentlyContinue
New-Item -ItemType Directory -Force $FxJmods | Out-Null
foreach ($jar in $FxJars) {
    $m = [regex]::Match($jar.BaseName, '^javafx-([a-z]+)-([0-9][^-]*)-')
    $module = "javafx.$($m.Groups[1].Value)"
    $dir = Join-Path $Work "javafx-unpacked\$module"
    New-Item -ItemType Directory -Force "$dir\classes", "$dir\libs" | Out-Null
    Push-Location "$dir\classes"
    try { Invoke-Tool "$Jdk\bin\jar.exe" xf $jar.FullName } finally { Pop-Location }
    Remove-Item -Recurse -Force "$dir\classes\META-INF", "$dir\classes\javafx-swt.jar" -ErrorAction SilentlyContinue
    Get-ChildItem "$dir\classes" -Filter '*.dll' | Move-Item -Destination "$dir\libs"
    $libs = @()
    if (@(Get-ChildItem "$dir\libs").Count -gt 0) { $libs = @('--libs', "$dir\libs") }
    Invoke-Tool "$Jdk\bin\jmod.exe" create --class-path "$dir\classes" @libs --module-version $m.Groups[2].Value "$FxJmods\$module.jmod"
}

# The app folder: colophon.jar and lib\ without the JavaFX jars; sqlite-jdbc's Windows x64 DLL unpacked to
# native\ (and every other platform's removed from its jar), so it never unpacks a DLL into %TEMP%.
$AppInput = Join-Path $Work 'input'
Remove-Item -Recurse -Force $AppInput -ErrorAction SilentlyContinue
New-Item -ItemType Directory -Force "$AppInput\lib", "$AppInput\native" | Out-Null
Copy-Item $MainJar $AppInput
# Colophon's licence and the notices of what the installer bundles, beside the jars
Copy-Item (Join-Path $Root 'LICENSE'), (Join-Path $Root 'THIRD-PARTY-NOTICES.txt') $AppInput
Copy-Item -Recurse (Join-Path $Root 'licenses') (Join-Path $AppInput 'licenses')
Get-ChildItem "$Build\lib" -Filter '*.jar' | Where-Object { -not $_.Name.StartsWith('javafx-') } | Copy-Item -Destination "$AppInput\lib"
Add-Type -AssemblyName System.IO.Compression, System.IO.Compression.FileSystem
$sqliteJar = (Get-ChildItem "$AppInput\lib" -Filter 'sqlite-jdbc-*.jar' | Select-Object -First 1).FullName
$zip = [System.IO.Compression.ZipFile]::Open($sqliteJar, 'Update')
try {
    $natives = @($zip.Entries | Where-Object { $_.FullName -like 'org/sqlite/native/*' })
    $dll = $natives | Where-Object { $_.FullName -like 'org/sqlite/native/Windows/x86_64/*.dll' } | Select-Object -First 1
    if (-not $dll) { throw 'sqlite-jdbc has no Windows/x86_64 DLL' }
    $dllName = $dll.Name
    [System.IO.Compression.ZipFileExtensions]::ExtractToFile($dll, "$AppInput\native\$dllName", $true)
    foreach ($entry in $natives) { $entry.Delete() }
} finally { $zip.Dispose() }

# The modules: jdeps over the app and its class-path jars, plus EXTRA_MODULES.
$classpathJars = @(Get-ChildItem "$AppInput\lib" -Filter '*.jar' | ForEach-Object { $_.FullName })
$fxPath = ($FxJars | ForEach-Object { $_.FullName }) -join ';'
$Modules = (& "$Jdk\bin\jdeps.exe" --multi-release 17 --ignore-missing-deps --print-module-deps --module-path $fxPath "$AppInput\$($conf.MAIN_JAR)" @classpathJars | Select-Object -Last 1).Trim()
if ($LASTEXITCODE -ne 0 -or -not $Modules) { throw 'jdeps failed' }
if ($conf.EXTRA_MODULES) { $Modules = "$Modules,$($conf.EXTRA_MODULES)" }
Say "Modules: $Modules"

$Runtime = Join-Path $Work 'runtime'
Remove-Item -Recurse -Force $Runtime -ErrorAction SilentlyContinue
Invoke-Tool "$Jdk\bin\jlink.exe" --module-path "$Jdk\jmods;$FxJmods" --add-modules $Modules `
    --strip-debug --no-header-files --no-man-pages --strip-native-commands --compress=2 --output $Runtime

# The app image: Colophon.exe (the window) and colophon-cli.exe (console, for the command line).
$javaOptions = @()
$options = $conf.JAVA_OPTIONS -split ' ' | Where-Object { $_ }
$options += "-Dorg.sqlite.lib.path=`$APPDIR\native", "-Dorg.sqlite.lib.name=$dllName"
foreach ($o in $options) { $javaOptions += @('--java-options', $o) }
$AppImageDir = Join-Path $Out 'app-image'
Remove-Item -Recurse -Force $AppImageDir -ErrorAction SilentlyContinue
$Icon = "$Packaging\icon\colophon.ico"
$common = @('--name', $conf.APP_NAME, '--app-version', $AppVersion, '--vendor', $conf.VENDOR,
            '--description', $conf.DESCRIPTION, '--copyright', $conf.COPYRIGHT, '--icon', $Icon)
Invoke-Tool "$Jdk\bin\jpackage.exe" --type app-image @common `
    --runtime-image $Runtime --input $AppInput --main-jar $conf.MAIN_JAR --main-class $conf.MAIN_CLASS `
    @javaOptions --add-launcher "colophon-cli=$PSScriptRoot\colophon-cli.properties" --dest $AppImageDir
$App = Join-Path $AppImageDir $conf.APP_NAME
Invoke-Tool "$App\colophon-cli.exe" --help | Out-Null
Say "App image: $App"

Get-ChildItem $Out -Filter "$($conf.APP_NAME)-*.msi" | Remove-Item
Invoke-Tool "$Jdk\bin\jpackage.exe" --type msi --app-image $App @common `
    --win-menu --win-menu-group $conf.APP_NAME --win-shortcut --win-dir-chooser `
    --win-upgrade-uuid $conf.WIN_UPGRADE_UUID --temp "$Work\msi-temp" --dest $Out
$msi = Get-ChildItem $Out -Filter "$($conf.APP_NAME)-*.msi" | Select-Object -First 1
$final = Join-Path $Out "$($conf.APP_NAME)-$Version.msi"
if ($msi.FullName -ne $final) { Move-Item -Force $msi.FullName $final }
$imageMb = [math]::Round(((Get-ChildItem -Recurse $App | Measure-Object Length -Sum).Sum / 1MB), 1)
$msiMb = [math]::Round(((Get-Item $final).Length / 1MB), 1)
Say "Done: $final ($msiMb MB; app image $imageMb MB)"
