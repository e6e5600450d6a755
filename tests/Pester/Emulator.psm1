<#
    The emulator part of the Pester suites' helper module. Suites import KonbiniTest.psd1, which brings
    these functions together with KonbiniTest.psm1 (see README.md here); bench/Invoke-Benchmark.ps1 and
    tools/Demo.ps1 import this file on its own.

    build.ps1 sets two environment variables before it starts the Pester child process:
      KONBINI_TEST_MODULE    path to the built out/KonbiniApi/KonbiniApi.psd1
      KONBINI_TEST_EMULATOR  path to the built KonbiniApi.Emulator.dll
    Without them (running Invoke-Pester by hand) the helpers fall back to the default build outputs.

    Every function that talks to an emulator takes -BaseUri, defaulting to the emulator most recently
    started here, and binds it from the pipeline by property name, so `$emu | Get-EmulatorStats` works.
#>

Set-StrictMode -Version 3.0

$script:RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
$script:Started = [System.Collections.Generic.List[object]]::new()

function Get-TestModulePath {
    <# The built module manifest that suites should import. #>
    [CmdletBinding()]
    [OutputType([string])]
    param()
    if ($env:KONBINI_TEST_MODULE) { return $env:KONBINI_TEST_MODULE }
    return (Join-Path $script:RepoRoot 'out/KonbiniApi/KonbiniApi.psd1')
}

function Get-TestEmulatorPath {
    <# The built emulator dll: $env:KONBINI_TEST_EMULATOR, else the newest Release or Debug build. #>
    [CmdletBinding()]
    [OutputType([string])]
    param()
    if ($env:KONBINI_TEST_EMULATOR) { return $env:KONBINI_TEST_EMULATOR }
    foreach ($configuration in 'Release', 'Debug') {
        $bin = Join-Path $script:RepoRoot "src/KonbiniApi.Emulator/bin/$configuration"
        if (-not (Test-Path $bin)) { continue }
        $dll = Get-ChildItem $bin -Recurse -Filter KonbiniApi.Emulator.dll |
            Sort-Object LastWriteTimeUtc -Descending | Select-Object -First 1
        if ($dll) { return $dll.FullName }
    }
    throw 'No built emulator: run `dotnet pwsh ./build.ps1 Test` or `dotnet build src/KonbiniApi.Emulator`, or set KONBINI_TEST_EMULATOR.'
}

# The dotnet host that runs the emulator dll. Under `dotnet pwsh` this process is that host already;
# DOTNET_HOST_PATH is what the dotnet CLI exports for the same purpose.
function Get-DotnetHost {
    $self = [Environment]::ProcessPath
    if ($self -and [IO.Path]::GetFileNameWithoutExtension($self) -eq 'dotnet') { return $self }
    if ($env:DOTNET_HOST_PATH -and (Test-Path $env:DOTNET_HOST_PATH)) { return $env:DOTNET_HOST_PATH }
    return 'dotnet'
}

function Start-TestEmulator {
    <#
    .SYNOPSIS
        Starts the emulator on a free port and returns { BaseUri, Port, Process } once it listens.
    .PARAMETER Arguments
        Extra emulator arguments, e.g. '--latency-ms','200','--fault-rate','0.2','--key','knbn_low=3'.
    .PARAMETER Path
        The emulator dll; defaults to Get-TestEmulatorPath.
    .PARAMETER TimeoutSeconds
        How long to wait for the 'listening on' line.
    #>
    [CmdletBinding()]
    param(
        [string[]] $Arguments = @(),
        [string] $Path = (Get-TestEmulatorPath),
        [int] $TimeoutSeconds = 15
    )
    if (-not (Test-Path $Path)) { throw "Emulator dll not found: $Path" }

    $psi = [System.Diagnostics.ProcessStartInfo]::new()
    $psi.FileName = Get-DotnetHost
    $psi.UseShellExecute = $false
    $psi.RedirectStandardOutput = $true
    $psi.RedirectStandardError = $true
    # Its own stdin, so the emulator never competes with the test host for the terminal.
    $psi.RedirectStandardInput = $true
    # ArgumentList (not a joined string) so paths and values with spaces survive on every platform.
    foreach ($a in @($Path, '--port', '0') + $Arguments) { $psi.ArgumentList.Add($a) }

    $process = [System.Diagnostics.Process]::Start($psi)
    # stderr is read to the end in the background from the start: it is the diagnosis when startup fails,
    # and an undrained pipe would block a chatty emulator.
    $stderr = $process.StandardError.ReadToEndAsync()

    $baseUri = $null
    $stdoutClosed = $false
    $seen = [System.Text.StringBuilder]::new()
    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
    while (-not $baseUri) {
        $remaining = $deadline - [DateTime]::UtcNow
        if ($remaining -le [TimeSpan]::Zero) { break }
        $read = $process.StandardOutput.ReadLineAsync()
        if (-not $read.Wait($remaining)) { break }
        $line = $read.Result
        if ($null -eq $line) { $stdoutClosed = $true; break }
        $null = $seen.AppendLine($line)
        if ($line -match 'listening on (https?://\S+)') { $baseUri = $Matches[1].TrimEnd('/') }
    }

    if (-not $baseUri) {
        # A closed stdout means the process is on its way out; give it a moment so its exit code is known.
        if ($stdoutClosed) { $null = $process.WaitForExit(5000) }
        $exited = $process.HasExited
        if (-not $exited) {
            try { $process.Kill() } catch { Write-Verbose "Kill: $_" }
        }
        $null = $process.WaitForExit(5000)
        $errText = if ($stderr.Wait(2000)) { $stderr.Result } else { '' }
        $why = if ($exited) { "exited with code $($process.ExitCode)" } else { "did not report 'listening on' within $TimeoutSeconds s" }
        $process.Dispose()
        throw "The emulator ($Path $($Arguments -join ' ')) $why.`nstdout:`n$seen`nstderr:`n$errText"
    }

    # Keep draining stdout too: request logging would otherwise fill the pipe and stall the server.
    $stdout = $process.StandardOutput.ReadToEndAsync()
    $emulator = [pscustomobject]@{
        PSTypeName = 'KonbiniApi.TestEmulator'
        BaseUri    = $baseUri
        Port       = ([uri] $baseUri).Port
        Process    = $process
        Arguments  = $Arguments
        StdOut     = $stdout
        StdErr     = $stderr
    }
    $script:Started.Add($emulator)
    return $emulator
}

function Stop-TestEmulator {
    <#
    .SYNOPSIS
        Stops the given emulator(s), or every emulator started by this module when none is given.
    #>
    [CmdletBinding()]
    param([Parameter(ValueFromPipeline)] [object[]] $Emulator)
    begin { $targets = [System.Collections.Generic.List[object]]::new() }
    process { foreach ($e in @($Emulator)) { if ($null -ne $e) { $targets.Add($e) } } }
    end {
        if ($targets.Count -eq 0) { $targets.AddRange($script:Started) }
        foreach ($e in $targets) {
            $p = $e.Process
            try {
                if (-not $p.HasExited) {
                    $p.Kill()
                    $null = $p.WaitForExit(10000)
                }
            }
            catch [System.InvalidOperationException] {
                Write-Verbose 'The emulator had already exited.'
            }
            finally {
                $p.Dispose()
                $null = $script:Started.Remove($e)
            }
        }
    }
}

function Resolve-EmulatorUri([string] $BaseUri, [string] $Path) {
    if (-not $BaseUri) {
        if ($script:Started.Count -eq 0) { throw 'No emulator is running: call Start-TestEmulator first, or pass -BaseUri.' }
        $BaseUri = $script:Started[$script:Started.Count - 1].BaseUri
    }
    return $BaseUri.TrimEnd('/') + $Path
}

function Get-EmulatorStats {
    <# GET /_emulator/stats: totalRequests, inFlight, maxInFlight, routes, creditsCharged, balances, aborted. #>
    [CmdletBinding()]
    param([Parameter(ValueFromPipelineByPropertyName)] [string] $BaseUri)
    process { Invoke-RestMethod -Method Get -Uri (Resolve-EmulatorUri $BaseUri '/_emulator/stats') }
}

function Get-EmulatorRequests {
    <# GET /_emulator/requests: one object per request (method, rawTarget, path, key, status, time). #>
    [CmdletBinding()]
    param([Parameter(ValueFromPipelineByPropertyName)] [string] $BaseUri)
    process {
        $response = Invoke-RestMethod -Method Get -Uri (Resolve-EmulatorUri $BaseUri '/_emulator/requests')
        # Emit one object per request whether or not this PowerShell unrolled the JSON array already.
        foreach ($r in @($response)) { $r }
    }
}

function Get-EmulatorConfig {
    <# GET /_emulator/config. #>
    [CmdletBinding()]
    param([Parameter(ValueFromPipelineByPropertyName)] [string] $BaseUri)
    process { Invoke-RestMethod -Method Get -Uri (Resolve-EmulatorUri $BaseUri '/_emulator/config') }
}

function Reset-Emulator {
    <# POST /_emulator/reset: clears the request log, the stats and the credit ledger. #>
    [CmdletBinding()]
    param([Parameter(ValueFromPipelineByPropertyName)] [string] $BaseUri)
    process { $null = Invoke-RestMethod -Method Post -Uri (Resolve-EmulatorUri $BaseUri '/_emulator/reset') }
}

function Set-EmulatorKey {
    <# POST /_emulator/keys: adds the key, or sets its balance to Credits. #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $Key,
        [Parameter(Mandatory)] [long] $Credits,
        [Parameter(ValueFromPipelineByPropertyName)] [string] $BaseUri
    )
    process {
        $body = @{ key = $Key; credits = $Credits } | ConvertTo-Json -Compress
        $null = Invoke-RestMethod -Method Post -Uri (Resolve-EmulatorUri $BaseUri '/_emulator/keys') -ContentType 'application/json' -Body $body
    }
}

function Set-EmulatorConfig {
    <#
    .SYNOPSIS
        POST /_emulator/config with any subset of latencyMs, jitterMs, faultRate, faults, seed.
    .EXAMPLE
        Set-EmulatorConfig -Settings @{ faultRate = 0.3; faults = @('500', 'reset'); seed = 1 }
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [hashtable] $Settings,
        [Parameter(ValueFromPipelineByPropertyName)] [string] $BaseUri
    )
    process {
        $body = $Settings | ConvertTo-Json -Depth 5 -Compress
        $null = Invoke-RestMethod -Method Post -Uri (Resolve-EmulatorUri $BaseUri '/_emulator/config') -ContentType 'application/json' -Body $body
    }
}

function Get-EmulatorCharged {
    <# The credits the emulator charged to one key since the last reset (0 when it charged none). #>
    [CmdletBinding()]
    [OutputType([long])]
    param(
        [Parameter(Mandatory)] [string] $Key,
        [Parameter(ValueFromPipelineByPropertyName)] [string] $BaseUri
    )
    process {
        $property = (Get-EmulatorStats -BaseUri $BaseUri).creditsCharged.PSObject.Properties[$Key]
        if ($property) { [long] $property.Value } else { 0L }
    }
}

function Write-ScenarioSummary {
    <#
    .SYNOPSIS
        Prints the one summary line every robustness scenario shows in CI output, always with the same six
        figures in the same order, then any scenario-specific details:
        "<label>: inputs N, objects N, errors N, lost N, credits charged N, requests seen N; details".
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $Label,
        [Parameter(Mandatory)] [long] $Inputs,
        [Parameter(Mandatory)] [long] $Objects,
        [Parameter(Mandatory)] [long] $Errors,
        [Parameter(Mandatory)] [long] $Lost,
        [Parameter(Mandatory)] [long] $CreditsCharged,
        [Parameter(Mandatory)] [long] $RequestsSeen,
        [string[]] $Details = @()
    )
    $line = '{0}: inputs {1}, objects {2}, errors {3}, lost {4}, credits charged {5}, requests seen {6}' -f
        $Label, $Inputs, $Objects, $Errors, $Lost, $CreditsCharged, $RequestsSeen
    if ($Details.Count -gt 0) { $line += '; ' + ($Details -join ', ') }
    Write-Host $line
}

Export-ModuleMember -Function @(
    'Get-TestModulePath'
    'Get-TestEmulatorPath'
    'Start-TestEmulator'
    'Stop-TestEmulator'
    'Get-EmulatorStats'
    'Get-EmulatorRequests'
    'Get-EmulatorConfig'
    'Reset-Emulator'
    'Set-EmulatorKey'
    'Set-EmulatorConfig'
    'Get-EmulatorCharged'
    'Write-ScenarioSummary'
)
