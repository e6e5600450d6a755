#Requires -Version 7.0
<#
.SYNOPSIS
    Builds, tests, demonstrates and packages the KonbiniApi PowerShell module.

.DESCRIPTION
    Run through the repository's pinned PowerShell:  dotnet tool restore; dotnet pwsh ./build.ps1 <Task>

      Clean     remove out/
      Build     publish src/KonbiniApi and assemble the loadable module folder out/KonbiniApi/ (runs Docs)
      Docs      turn docs/en-US/*.md into out/KonbiniApi/en-US/KonbiniApi.dll-Help.xml with tools/New-MamlHelp.ps1
      Test      Build, build the emulator, run every xunit project and the Pester suites; prints 'N passed, N failed'
      Emulator  run the API emulator in the foreground on port 5099 (extra arguments: -EmulatorArgs)
      Demo      Build and run tools/Demo.ps1 (against the emulator unless $env:KONBINI_API_KEY is set)
      Bench     Build, then run bench/Invoke-Benchmark.ps1 (S1-S9, E1; figures in bench/results/)
      Package   Build and publish the module as a .nupkg into the local file repository out/repo/ (the
                repository is registered for the publish only: PSResourceGet's settings are left as they were)

.EXAMPLE
    dotnet pwsh ./build.ps1 Test

.EXAMPLE
    dotnet pwsh ./build.ps1 Test -PesterPath tests/Pester/Emulator.Harness.Tests.ps1 -TestName '*ledger*'

.EXAMPLE
    dotnet pwsh ./build.ps1 Emulator -EmulatorArgs '--latency-ms 200 --fault-rate 0.1'
#>
[CmdletBinding()]
param(
    [Parameter(Position = 0, ValueFromRemainingArguments)]
    [ValidateSet('Clean', 'Build', 'Docs', 'Test', 'Emulator', 'Demo', 'Bench', 'Package')]
    [string[]] $Task = 'Build',

    [ValidateSet('Release', 'Debug')]
    [string] $Configuration = 'Release',

    # Test: Pester files or folders to run instead of the whole of tests/Pester.
    [string[]] $PesterPath = @('tests/Pester'),

    # Test: narrow both runners to tests whose name contains this text (xunit: FullyQualifiedName or
    # DisplayName contains it; Pester: full name matches *TestName*). Pester wildcards are allowed.
    [string] $TestName,

    # Test: how many suites run at once: the xunit projects side by side, then the Pester files, one
    # child pwsh each. 1 runs everything one after the other, Pester in a single child process.
    [ValidateRange(1, 16)]
    [int] $TestWorkers = 1,

    # Emulator: extra command-line arguments for the emulator. From a shell, one quoted string:
    #   dotnet pwsh ./build.ps1 Emulator -EmulatorArgs '--latency-ms 200 --faults 500,reset'
    [string[]] $EmulatorArgs = @(),

    # Emulator: the port to listen on.
    [int] $EmulatorPort = 5099,

    # Bench: the scenarios to run (S1-S9, E1); all of them by default. From a shell, a comma-separated list.
    [string[]] $BenchScenario = @('S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'S7', 'S8', 'S9', 'E1')
)

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'

# `dotnet pwsh ./build.ps1 ...` runs the script as -File, which hands 'a,b' over as one string rather
# than a list; split such values here so that shells and PowerShell callers get the same result.
$PesterPath = @($PesterPath | ForEach-Object { $_ -split ',' } | Where-Object { $_ })
$BenchScenario = @($BenchScenario | ForEach-Object { $_ -split ',' } | Where-Object { $_ })
foreach ($name in $BenchScenario) {
    if ($name -notin 'S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'S7', 'S8', 'S9', 'E1') { throw "Unknown benchmark scenario '$name'; use S1 to S9 or E1." }
}
# A native command's non-zero exit is handled explicitly below; it must not become a terminating error
# before its exit code has been read.
$PSNativeCommandUseErrorActionPreference = $false

$Root = $PSScriptRoot
$Out = Join-Path $Root 'out'
$ModuleOut = Join-Path $Out 'KonbiniApi'
$PublishOut = Join-Path $Out 'publish/KonbiniApi'
$TestResults = Join-Path $Out 'test-results'
$PackagesOut = Join-Path $Out 'packages'
$RepoOut = Join-Path $Out 'repo'
$PesterVersion = '5.7.1'
$ModuleProject = Join-Path $Root 'src/KonbiniApi/KonbiniApi.csproj'
$EmulatorProject = Join-Path $Root 'src/KonbiniApi.Emulator/KonbiniApi.Emulator.csproj'

# Tasks already run in this invocation, so 'Test Demo' builds once.
$script:Done = [System.Collections.Generic.HashSet[string]]::new()

function Write-Step([string] $Message) {
    Write-Host "==> $Message" -ForegroundColor Cyan
}

# Runs a native command with its output streamed to the console (never into this script's pipeline, so
# functions can return values) and returns its exit code. Throws on a non-zero exit unless -AllowFailure.
function Invoke-Native {
    param(
        [Parameter(Mandatory)] [string] $FilePath,
        [string[]] $ArgumentList = @(),
        [switch] $AllowFailure
    )
    Write-Host "    > $FilePath $($ArgumentList -join ' ')" -ForegroundColor DarkGray
    & $FilePath @ArgumentList | Out-Host
    $code = $LASTEXITCODE
    if ($code -ne 0 -and -not $AllowFailure) {
        throw "'$FilePath $($ArgumentList -join ' ')' exited with code $code."
    }
    return $code
}

# The pwsh running this script, as a command line for child processes. Under `dotnet pwsh` the process is
# dotnet itself and the shell is pwsh.dll beside $PSHOME; a child must use the same PowerShell, not
# whatever `pwsh` is (or is not) on PATH.
function Get-PwshCommand {
    $exe = [Environment]::ProcessPath
    if ([IO.Path]::GetFileNameWithoutExtension($exe) -eq 'dotnet') {
        return @{ FilePath = $exe; Prefix = @((Join-Path $PSHOME 'pwsh.dll')) }
    }
    return @{ FilePath = $exe; Prefix = @() }
}

function Invoke-ChildPwsh {
    param([string[]] $ArgumentList, [switch] $AllowFailure)
    $pwsh = Get-PwshCommand
    $all = @($pwsh.Prefix) + @('-NoLogo', '-NoProfile', '-NonInteractive') + $ArgumentList
    return Invoke-Native -FilePath $pwsh.FilePath -ArgumentList $all -AllowFailure:$AllowFailure
}

function Get-ModuleVersion {
    [xml] $props = Get-Content -Raw (Join-Path $Root 'Directory.Build.props')
    $node = $props.SelectSingleNode('/Project/PropertyGroup/VersionPrefix')
    if (-not $node -or -not $node.InnerText.Trim()) {
        throw 'Directory.Build.props has no <VersionPrefix>; it is the single source of the module version.'
    }
    $version = $node.InnerText.Trim()
    # PowerShell module versions are System.Version; a SemVer suffix would belong in PSData.Prerelease.
    if (-not ($version -as [version])) { throw "VersionPrefix '$version' is not a valid module version." }
    return $version
}

function Invoke-Clean {
    Write-Step 'Clean'
    if (Test-Path $Out) { Remove-Item -Recurse -Force $Out }
}

function Invoke-Build {
    if (-not $script:Done.Add('Build')) { return }
    Write-Step "Build ($Configuration)"
    $version = Get-ModuleVersion

    if (Test-Path $PublishOut) { Remove-Item -Recurse -Force $PublishOut }
    $null = Invoke-Native dotnet @('publish', $ModuleProject, '-c', $Configuration, '-o', $PublishOut, '-nologo')

    # Rebuilt from scratch every time: a stale dll left from an older dependency set would load silently.
    if (Test-Path $ModuleOut) { Remove-Item -Recurse -Force $ModuleOut }
    $null = New-Item -ItemType Directory -Force $ModuleOut

    # Every dll the publish produced is needed by Windows PowerShell 5.1 (System.Text.Json 8 and its
    # netstandard2.0 dependencies), except PowerShell's own assemblies: the host provides those, and a
    # private copy of System.Management.Automation would break the import.
    $hostAssemblies = '^(System\.Management\.Automation|Microsoft\.PowerShell\..*|Microsoft\.Management\.Infrastructure)\.dll$'
    Get-ChildItem $PublishOut -Filter *.dll |
        Where-Object Name -NotMatch $hostAssemblies |
        Copy-Item -Destination $ModuleOut
    foreach ($required in 'KonbiniApi.dll', 'KonbiniApi.Core.dll', 'System.Text.Json.dll') {
        if (-not (Test-Path (Join-Path $ModuleOut $required))) { throw "The publish output lacks $required." }
    }

    $manifest = Get-Content -Raw (Join-Path $Root 'KonbiniApi.psd1')
    $stamped = [regex]::Replace($manifest, "(?m)^(\s*ModuleVersion\s*=\s*)'[^']*'", "`${1}'$version'")
    if ($stamped -eq $manifest -and $manifest -notmatch "ModuleVersion\s*=\s*'$([regex]::Escape($version))'") {
        throw 'Could not find ModuleVersion in KonbiniApi.psd1 to stamp.'
    }
    # One format file per platform keeps each platform's views beside the others without one huge file.
    Copy-Item (Join-Path $Root 'src/KonbiniApi/*.Format.ps1xml') $ModuleOut
    $manifestOut = Join-Path $ModuleOut 'KonbiniApi.psd1'
    Set-Content -Path $manifestOut -Value $stamped -Encoding utf8NoBOM
    $data = Import-PowerShellDataFile $manifestOut
    if ($data.ModuleVersion -ne $version) { throw "Stamped manifest says $($data.ModuleVersion), expected $version." }

    Invoke-Docs

    # Prove the folder is a loadable module, in a child process so this one never holds the dll.
    $check = "`$ErrorActionPreference='Stop'; `$m = Import-Module '$ModuleOut' -PassThru; " +
    "Write-Host ('    imported {0} {1}: {2} cmdlet(s)' -f `$m.Name, `$m.Version, `$m.ExportedCmdlets.Count)"
    $null = Invoke-ChildPwsh @('-Command', $check)
    Write-Host "    module folder: $ModuleOut"
}

# Not deduplicated like Build: Build empties out/KonbiniApi first, so help made earlier would be gone.
function Invoke-Docs {
    Write-Step 'Docs'
    # Contract with the generator: -DocsPath <folder of markdown help> -OutputPath <MAML xml file to write>;
    # the about_ topics are written as .help.txt files beside the MAML file.
    $generator = Join-Path $Root 'tools/New-MamlHelp.ps1'
    $helpOut = Join-Path $ModuleOut 'en-US/KonbiniApi.dll-Help.xml'
    $null = New-Item -ItemType Directory -Force (Split-Path $helpOut)
    $null = & $generator -DocsPath (Join-Path $Root 'docs/en-US') -OutputPath $helpOut
    if (-not (Test-Path $helpOut)) { throw "tools/New-MamlHelp.ps1 did not write $helpOut." }
    Write-Host "    help: $helpOut"
}

# Builds the emulator and returns the path of its dll.
function Invoke-EmulatorBuild {
    if ($script:Done.Add('EmulatorBuild')) {
        Write-Step "Build the emulator ($Configuration)"
        $null = Invoke-Native dotnet @('build', $EmulatorProject, '-c', $Configuration, '-nologo')
    }
    $dll = Get-ChildItem (Join-Path $Root "src/KonbiniApi.Emulator/bin/$Configuration") -Recurse -Filter KonbiniApi.Emulator.dll |
        Where-Object { $_.Directory.Name -like 'net*' } |
        Sort-Object LastWriteTimeUtc -Descending |
        Select-Object -First 1
    if (-not $dll) { throw 'The emulator build produced no KonbiniApi.Emulator.dll.' }
    return $dll.FullName
}

# Reads a VSTest .trx file into counts. The file is the source of truth, not the console text. Counts
# come from the individual results because the summary counters leave skipped tests out of every bucket.
function Read-TrxCounts([string] $Path) {
    [xml] $trx = Get-Content -Raw $Path
    $outcomes = @($trx.SelectNodes("//*[local-name()='UnitTestResult']") | ForEach-Object { $_.GetAttribute('outcome') })
    return [pscustomobject]@{
        Total   = $outcomes.Count
        Passed  = @($outcomes | Where-Object { $_ -eq 'Passed' }).Count
        Failed  = @($outcomes | Where-Object { $_ -in 'Failed', 'Error', 'Timeout', 'Aborted' }).Count
        Skipped = @($outcomes | Where-Object { $_ -in 'NotExecuted', 'Inconclusive' }).Count
        Outcome = $trx.TestRun.ResultSummary.outcome
        Tests   = @($trx.SelectNodes("//*[local-name()='UnitTestResult']") | ForEach-Object {
                [pscustomobject]@{ Name = $_.GetAttribute('testName'); Seconds = ([timespan] $_.GetAttribute('duration')).TotalSeconds }
            })
    }
}

# Runs inside the child pwsh: Pester is imported there, so this process never loads the module under
# test (on Windows the loaded dll could no longer be rebuilt) nor a second Pester.
$PesterRunner = @'
param(
    [Parameter(Mandatory)] [string] $PesterModule,
    [Parameter(Mandatory)] [string] $Path,
    [Parameter(Mandatory)] [string] $ResultFile,
    [Parameter(Mandatory)] [string] $SummaryFile,
    [string] $RenderMode = 'Auto'
)
$ErrorActionPreference = 'Stop'
$TestName = $env:KONBINI_PESTER_TEST_NAME
Import-Module $PesterModule -Force
$config = New-PesterConfiguration
$config.Output.RenderMode = $RenderMode
$config.Run.Path = $Path -split [IO.Path]::PathSeparator
$config.Run.PassThru = $true
$config.Run.Exit = $false
$config.Output.Verbosity = 'Detailed'
$config.TestResult.Enabled = $true
$config.TestResult.OutputFormat = 'NUnitXml'
$config.TestResult.OutputPath = $ResultFile
if ($TestName) { $config.Filter.FullName = "*$TestName*" }
$result = Invoke-Pester -Configuration $config
[ordered]@{
    Result           = "$($result.Result)"
    Total            = $result.TotalCount
    Passed           = $result.PassedCount
    Failed           = $result.FailedCount
    Skipped          = $result.SkippedCount
    NotRun           = $result.NotRunCount
    FailedBlocks     = $result.FailedBlocksCount
    FailedContainers = $result.FailedContainersCount
    # Times, for build.ps1's report: each file (its setup included) and each test.
    Files            = @($result.Containers | ForEach-Object { [ordered]@{ Path = "$($_.Item)"; Seconds = $_.Duration.TotalSeconds } })
    Tests            = @($result.Tests | ForEach-Object { [ordered]@{ Name = $_.ExpandedPath; Seconds = $_.Duration.TotalSeconds } })
} | ConvertTo-Json -Depth 4 | Set-Content -Path $SummaryFile -Encoding utf8NoBOM
'@

function Get-PesterModulePath {
    $psd1 = Join-Path $PackagesOut "pester/$PesterVersion/tools/Pester.psd1"
    if (-not (Test-Path $psd1)) {
        Write-Step "Restore Pester $PesterVersion"
        # An ordinary NuGet restore from the configured sources, into a known folder.
        $null = Invoke-Native dotnet @('restore', (Join-Path $Root 'tools/Pester/Pester.csproj'), '--packages', $PackagesOut, '-nologo')
        if (-not (Test-Path $psd1)) { throw "Restoring Pester did not produce $psd1." }
    }
    return $psd1
}

# Runs a native command (an array: program, then arguments) in a thread job, its output into a log file;
# the job returns the exit code and the wall time. Thread jobs share this process's environment.
function Start-LoggedJob([string[]] $CommandLine, [string] $Log, [int] $ThrottleLimit) {
    Start-ThreadJob -ThrottleLimit $ThrottleLimit -ArgumentList $CommandLine, $Log -ScriptBlock {
        param([string[]] $CommandLine, [string] $Log)
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $program, $arguments = $CommandLine
        & $program @arguments *> $Log
        [pscustomobject]@{ ExitCode = $LASTEXITCODE; Seconds = $watch.Elapsed.TotalSeconds }
    }
}

# Waits for logged jobs, printing each one's log as it ends (so parallel output stays in one piece), and
# returns @{ <job name> = { ExitCode, Seconds } }.
function Wait-LoggedJobs([hashtable] $Jobs) {
    $results = @{}
    $pending = [System.Collections.Generic.List[object]] @($Jobs.Values)
    while ($pending.Count -gt 0) {
        $done = Wait-Job -Job $pending -Any
        $name = @($Jobs.Keys | Where-Object { $Jobs[$_] -eq $done })[0]
        $log = $done.Name
        if (Test-Path $log) { Get-Content $log | Out-Host }
        $result = Receive-Job $done -ErrorAction Continue
        Remove-Job $done
        $null = $pending.Remove($done)
        $results[$name] = if ($result) { $result } else { [pscustomobject]@{ ExitCode = -1; Seconds = 0 } }
    }
    return $results
}

function Invoke-Test {
    Invoke-Build
    $emulatorDll = Invoke-EmulatorBuild

    if (Test-Path $TestResults) { Remove-Item -Recurse -Force $TestResults }
    $null = New-Item -ItemType Directory -Force $TestResults
    $runs = [System.Collections.Generic.List[object]]::new()
    # Every suite's wall time (each xunit project, each Pester file) and every test's, for the report.
    $suiteTimes = [System.Collections.Generic.List[object]]::new()
    $testTimes = [System.Collections.Generic.List[object]]::new()
    $testWatch = [Diagnostics.Stopwatch]::StartNew()

    # xunit: every project is built first (one at a time, so no two builds write the same referenced
    # project), then the projects run side by side when -TestWorkers allows.
    $projects = @(Get-ChildItem (Join-Path $Root 'tests') -Filter *.csproj -Recurse)
    $built = @{}
    if ($TestWorkers -gt 1) {
        Write-Step 'xunit: build the test projects'
        foreach ($project in $projects) {
            $built[$project.BaseName] = 0 -eq (Invoke-Native dotnet @('build', $project.FullName, '-c', $Configuration, '-nologo') -AllowFailure)
        }
    }
    $xunit = @{}
    foreach ($project in $projects) {
        $name = $project.BaseName
        $testArgs = @(
            'test', $project.FullName, '-c', $Configuration, '-nologo',
            '--results-directory', $TestResults,
            '--logger', "trx;LogFileName=$name.trx",
            '--logger', 'console;verbosity=normal'
        )
        if ($built[$name]) { $testArgs += '--no-build' }
        if ($TestName) { $testArgs += @('--filter', "FullyQualifiedName~$TestName|DisplayName~$TestName") }
        if ($TestWorkers -gt 1) {
            $log = Join-Path $TestResults "$name.log"
            $job = Start-LoggedJob -CommandLine (@('dotnet') + $testArgs) -Log $log -ThrottleLimit $TestWorkers
            $job.Name = $log
            $xunit[$name] = $job
        }
        else {
            Write-Step "xunit: $name"
            $watch = [Diagnostics.Stopwatch]::StartNew()
            $code = Invoke-Native dotnet $testArgs -AllowFailure
            $xunit[$name] = [pscustomobject]@{ ExitCode = $code; Seconds = $watch.Elapsed.TotalSeconds }
        }
    }
    if ($TestWorkers -gt 1) {
        Write-Step "xunit: $($projects.Count) projects, $TestWorkers at a time"
        $xunit = Wait-LoggedJobs $xunit
    }
    foreach ($project in $projects) {
        $name = $project.BaseName
        $code = $xunit[$name].ExitCode
        $suiteTimes.Add([pscustomobject]@{ Suite = "xunit $name"; Seconds = $xunit[$name].Seconds })
        $trx = Join-Path $TestResults "$name.trx"
        $run = [pscustomobject]@{ Runner = "xunit $name"; Total = 0; Passed = 0; Failed = 0; Skipped = 0; Problem = $null }
        if (-not (Test-Path $trx)) {
            $run.Problem = "no $name.trx was written (exit code $code): the project failed to build or the runner crashed"
        }
        else {
            $counts = Read-TrxCounts $trx
            $run.Total = $counts.Total; $run.Passed = $counts.Passed; $run.Failed = $counts.Failed; $run.Skipped = $counts.Skipped
            if ($code -ne 0 -and $counts.Failed -eq 0) { $run.Problem = "dotnet test exited with $code although no test failed (outcome $($counts.Outcome))" }
            foreach ($t in $counts.Tests) { $testTimes.Add([pscustomobject]@{ Name = "xunit $($t.Name)"; Seconds = $t.Seconds }) }
        }
        $runs.Add($run)
    }

    Write-Step 'Pester'
    $pesterModule = Get-PesterModulePath
    $runnerFile = Join-Path $TestResults 'Invoke-PesterChild.ps1'
    Set-Content -Path $runnerFile -Value $PesterRunner -Encoding utf8NoBOM
    $paths = foreach ($p in $PesterPath) {
        if (-not [IO.Path]::IsPathRooted($p)) { $p = Join-Path $Root $p }
        if (-not (Test-Path $p)) { throw "Pester path $p does not exist." }
        (Resolve-Path $p).Path
    }
    # tests/Pester/Package.Tests.ps1 installs the published .nupkg: publish it first when that file is
    # part of the run (named, or inside a folder given), and tell it where the repository is.
    $packageTests = Join-Path $Root 'tests/Pester/Package.Tests.ps1'
    if ($paths | Where-Object { $_ -eq $packageTests -or ((Test-Path $_ -PathType Container) -and $packageTests.StartsWith($_.TrimEnd('/', '\') + [IO.Path]::DirectorySeparatorChar)) }) {
        Invoke-Package
        $env:KONBINI_TEST_REPO = $RepoOut
    }
    # The contract with tests/Pester/KonbiniTest.psd1 and the suites that use it.
    $env:KONBINI_TEST_MODULE = Join-Path $ModuleOut 'KonbiniApi.psd1'
    $env:KONBINI_TEST_EMULATOR = $emulatorDll

    # One child pwsh for everything, or with -TestWorkers above 1 one child per test file, that many at a
    # time, slowest first by the times of the previous run (else the largest file first). Every file
    # starts its own emulator and keeps its settings in folders of its own, so files do not meet.
    $batches = [ordered]@{}
    if ($TestWorkers -gt 1) {
        $files = @($paths | ForEach-Object { if (Test-Path $_ -PathType Container) { Get-ChildItem $_ -Recurse -Filter *.Tests.ps1 } else { Get-Item $_ } })
        $previous = @{}
        $timesFile = Join-Path $Out 'pester-times.json'
        if (Test-Path $timesFile) { (Get-Content -Raw $timesFile | ConvertFrom-Json).PSObject.Properties | ForEach-Object { $previous[$_.Name] = [double] $_.Value } }
        foreach ($f in $files | Sort-Object @{ Expression = { if ($previous.ContainsKey($_.Name)) { $previous[$_.Name] } else { $_.Length / 1000 } }; Descending = $true }) {
            $batches[$f.BaseName] = @($f.FullName)
        }
    }
    else {
        $batches['pester'] = $paths
    }
    # The child's output is always piped through this process, so it cannot tell a terminal from a log
    # file; this process can (and a log file of a parallel child is plain text).
    $renderMode = if ($TestWorkers -gt 1 -or [Console]::IsOutputRedirected) { 'Plaintext' } else { 'Ansi' }
    $pesterJobs = @{}
    $pesterEnds = @{}
    # Through the environment, not the command line: PowerShell expands a wildcard argument of a native
    # command into file names on Unix, so -TestName '*' reached the child as the names in this folder.
    $env:KONBINI_PESTER_TEST_NAME = $TestName
    foreach ($batch in $batches.Keys) {
        $pesterArgs = @(
            '-File', $runnerFile,
            '-PesterModule', $pesterModule,
            '-Path', ($batches[$batch] -join [IO.Path]::PathSeparator),
            '-ResultFile', (Join-Path $TestResults "$batch.xml"),
            '-SummaryFile', (Join-Path $TestResults "$batch.json"),
            '-RenderMode', $renderMode
        )
        if ($TestWorkers -gt 1) {
            $pwsh = Get-PwshCommand
            $commandLine = @($pwsh.FilePath) + @($pwsh.Prefix) + @('-NoLogo', '-NoProfile', '-NonInteractive') + $pesterArgs
            $log = Join-Path $TestResults "$batch.log"
            $job = Start-LoggedJob -CommandLine $commandLine -Log $log -ThrottleLimit $TestWorkers
            $job.Name = $log
            $pesterJobs[$batch] = $job
        }
        else {
            $code = Invoke-ChildPwsh $pesterArgs -AllowFailure
            $pesterEnds[$batch] = [pscustomobject]@{ ExitCode = $code; Seconds = 0 }
        }
    }
    if ($TestWorkers -gt 1) {
        Write-Step "Pester: $($batches.Count) files, $TestWorkers at a time (output of each file when it ends)"
        $pesterEnds = Wait-LoggedJobs $pesterJobs
    }
    $run = [pscustomobject]@{ Runner = 'Pester'; Total = 0; Passed = 0; Failed = 0; Skipped = 0; Problem = $null }
    $problems = [System.Collections.Generic.List[string]]::new()
    $fileTimes = [ordered]@{}
    foreach ($batch in $batches.Keys) {
        $summaryFile = Join-Path $TestResults "$batch.json"
        if (-not (Test-Path $summaryFile)) {
            $problems.Add("the Pester child process for $batch ended (exit code $($pesterEnds[$batch].ExitCode)) without writing its summary")
            $run.Failed++
            continue
        }
        $s = Get-Content -Raw $summaryFile | ConvertFrom-Json
        # A file that fails to load or a failing BeforeAll/AfterAll is a failure even when no It failed.
        $failed = $s.Failed + $s.FailedContainers
        if ($s.Result -ne 'Passed' -and $failed -eq 0) { $failed = [Math]::Max(1, $s.FailedBlocks) }
        $run.Total += $s.Total; $run.Passed += $s.Passed; $run.Failed += $failed; $run.Skipped += $s.Skipped
        if (-not (Test-Path (Join-Path $TestResults "$batch.xml"))) { $problems.Add("Pester wrote no $batch.xml") }
        foreach ($f in @($s.Files)) {
            $fileTimes[[IO.Path]::GetFileName($f.Path)] = $f.Seconds
            $suiteTimes.Add([pscustomobject]@{ Suite = "Pester $([IO.Path]::GetFileName($f.Path))"; Seconds = $f.Seconds })
        }
        foreach ($t in @($s.Tests)) { $testTimes.Add([pscustomobject]@{ Name = "Pester $($t.Name)"; Seconds = $t.Seconds }) }
    }
    if ($problems.Count) { $run.Problem = $problems -join '; ' }
    $runs.Add($run)
    # Kept for the next run's order (a file that ran alone keeps its time as a whole).
    if ($TestWorkers -gt 1 -and -not $TestName -and $fileTimes.Count) { $fileTimes | ConvertTo-Json | Set-Content -Path (Join-Path $Out 'pester-times.json') -Encoding utf8NoBOM }

    Write-Step "Test times (all tests: $('{0:0.0}' -f $testWatch.Elapsed.TotalSeconds) s wall, $TestWorkers at a time)"
    foreach ($t in $suiteTimes) { Write-Host ('    {0,7:0.0} s  {1}' -f $t.Seconds, $t.Suite) }
    Write-Host '    slowest tests:'
    foreach ($t in $testTimes | Sort-Object Seconds -Descending | Select-Object -First 10) { Write-Host ('    {0,7:0.0} s  {1}' -f $t.Seconds, $t.Name) }

    Write-Step 'Test summary'
    foreach ($r in $runs) {
        # A runner that executed nothing hides a broken discovery; with -TestName narrowing that is expected.
        if (-not $r.Problem -and $r.Total -eq 0 -and -not $TestName) { $r.Problem = 'ran no tests' }
        # A runner that broke counts as a failure, so the counts line never reads '0 failed' on a red run.
        if ($r.Problem -and $r.Failed -eq 0) { $r.Failed = 1 }
        $line = '    {0,-40} {1,4} passed, {2,4} failed, {3,4} skipped' -f $r.Runner, $r.Passed, $r.Failed, $r.Skipped
        if ($r.Problem) { $line += "  <-- $($r.Problem)" }
        Write-Host $line
    }
    $passed = ($runs | Measure-Object Passed -Sum).Sum
    $failed = ($runs | Measure-Object Failed -Sum).Sum
    $skipped = ($runs | Measure-Object Skipped -Sum).Sum
    Write-Host "    results: $TestResults"
    if ($passed + $failed -eq 0) { $failed = 1; Write-Host '    nothing ran at all' }
    $script:TestSummary = "$passed passed, $failed failed, $skipped skipped"
    $script:TestFailed = $failed -gt 0
}

function Invoke-Emulator {
    $dll = Invoke-EmulatorBuild
    Write-Step "Emulator on http://127.0.0.1:$EmulatorPort (Ctrl+C to stop; built-in key knbn_emulator)"
    # Not through Invoke-Native: the emulator owns the console until it is stopped.
    # pwsh -File hands an array parameter over as one string, so split on whitespace (no emulator value
    # contains any; --faults lists are comma-separated and stay whole).
    $extra = @($EmulatorArgs | ForEach-Object { $_ -split '\s+' } | Where-Object { $_ })
    & dotnet $dll --port $EmulatorPort @extra
    if ($LASTEXITCODE -and $LASTEXITCODE -ne 130) { throw "The emulator exited with code $LASTEXITCODE." }
}

function Invoke-Demo {
    Invoke-Build
    $demoArgs = @('-File', (Join-Path $Root 'tools/Demo.ps1'), '-ModulePath', (Join-Path $ModuleOut 'KonbiniApi.psd1'))
    if ($env:KONBINI_API_KEY) {
        Write-Step 'Demo against the real KonbiniAPI (KONBINI_API_KEY is set; this spends credits)'
    }
    else {
        $demoArgs += @('-EmulatorPath', (Invoke-EmulatorBuild))
        Write-Step 'Demo against the local emulator (set KONBINI_API_KEY to use the real API)'
    }
    $null = Invoke-ChildPwsh $demoArgs
}

function Invoke-Bench {
    $script = Join-Path $Root 'bench/Invoke-Benchmark.ps1'
    Invoke-Build
    $env:KONBINI_TEST_MODULE = Join-Path $ModuleOut 'KonbiniApi.psd1'
    $env:KONBINI_TEST_EMULATOR = Invoke-EmulatorBuild
    Write-Step 'Bench'
    # -Command, not -File: -File passes 'S1,S2' to the script as one string, not as a list.
    $scenarios = ($BenchScenario | ForEach-Object { "'$_'" }) -join ','
    $null = Invoke-ChildPwsh @('-Command', "& '$script' -Scenario $scenarios")
}

function Invoke-Package {
    Invoke-Build
    Write-Step 'Package'
    $null = New-Item -ItemType Directory -Force $RepoOut
    $version = Get-ModuleVersion
    # Publishing refuses a version the repository already holds; a rebuild of the same version replaces it.
    Get-ChildItem $RepoOut -Filter "KonbiniApi.$version.nupkg" -ErrorAction SilentlyContinue | Remove-Item -Force

    # Registers a repository for out/repo for the publish only, and unregisters it even when publishing
    # fails: the developer's PSResourceGet settings are left as they were.
    & (Join-Path $Root 'tools/Publish-LocalPackage.ps1') -ModulePath $ModuleOut -RepositoryPath $RepoOut
    $nupkg = Get-ChildItem $RepoOut -Filter "KonbiniApi.$version.nupkg"
    if (-not $nupkg) { throw "Publish-PSResource reported success but $RepoOut has no KonbiniApi.$version.nupkg." }
    Write-Host "    package: $($nupkg.FullName)"
    Write-Host "    install it elsewhere with: Register-PSResourceRepository -Name KonbiniApiLocal -Uri '$RepoOut' -Trusted; Install-PSResource KonbiniApi -Repository KonbiniApiLocal"
}

$script:TestSummary = $null
$script:TestFailed = $false
$exitCode = 0
Push-Location $Root
try {
    foreach ($t in $Task) {
        switch ($t) {
            'Clean' { Invoke-Clean }
            'Build' { Invoke-Build }
            'Docs' { Invoke-Docs }
            'Test' { Invoke-Test }
            'Emulator' { Invoke-Emulator }
            'Demo' { Invoke-Demo }
            'Bench' { Invoke-Bench }
            'Package' { Invoke-Package }
        }
    }
}
catch {
    Write-Host "build.ps1 $($Task -join ' ') failed: $($_.Exception.Message)" -ForegroundColor Red
    Write-Host $_.ScriptStackTrace -ForegroundColor DarkGray
    $exitCode = 1
}
finally {
    Pop-Location
}

if ($script:TestFailed) { $exitCode = 1 }
# The counts line is the last thing printed (CI reads it); a Test that never got that far still prints one.
if ($Task -contains 'Test') {
    if (-not $script:TestSummary) { $script:TestSummary = '0 passed, 1 failed' }
    Write-Host $script:TestSummary
}
exit $exitCode
