#Requires -Version 7.0
<#
.SYNOPSIS
    A short tour of the KonbiniApi module: look up TikTok users, list their videos and the comments on
    them, one pipeline on each other platform, check credits, round-trip through CSV.

.DESCRIPTION
    Normally run by `dotnet pwsh ./build.ps1 Demo`, which builds the module first and passes the paths.

    With $env:KONBINI_API_KEY set, the demo calls the real KonbiniAPI with that key (it spends a few
    credits). Otherwise it starts the local emulator on a free port and uses its built-in key.

    Each step runs on its own: an error is shown and the tour goes on. The exit code is 1 if any step
    failed outright (a lookup that returns "not found" is an expected, shown error, not a failed step).
#>
[CmdletBinding()]
param(
    [string] $ModulePath = (Join-Path $PSScriptRoot '../out/KonbiniApi/KonbiniApi.psd1'),

    # The emulator dll; ignored when KONBINI_API_KEY is set.
    [string] $EmulatorPath,

    [string[]] $Username = @('khaby.lame', 'charlidamelio', 'mrbeast', 'emu.notfound')
)

Set-StrictMode -Version 3.0
# Continue, so the expected per-user "not found" error is displayed and the rest of the tour still runs.
$ErrorActionPreference = 'Continue'
$script:FailedSteps = 0

function Invoke-DemoStep([string] $Title, [scriptblock] $Body) {
    Write-Host ''
    Write-Host "--- $Title" -ForegroundColor Cyan
    try {
        & $Body
    }
    catch {
        $script:FailedSteps++
        Write-Host "Step failed: $($_.Exception.Message)" -ForegroundColor Red
    }
}

$emulator = $null
$users = $null
$videos = $null
$comments = $null
$csv = Join-Path ([IO.Path]::GetTempPath()) "konbini-demo-$PID.csv"
try {
    Invoke-DemoStep 'Import the module' {
        Import-Module $ModulePath -Force -ErrorAction Stop
        Get-Command -Module KonbiniApi | Format-Table -Property CommandType, Name, Version | Out-Host
    }

    if ($env:KONBINI_API_KEY) {
        Invoke-DemoStep 'Use the real KonbiniAPI with $env:KONBINI_API_KEY' {
            $secure = ConvertTo-SecureString $env:KONBINI_API_KEY -AsPlainText -Force
            Set-KonbiniApiKey -ApiKey $secure -ErrorAction Stop
        }
    }
    else {
        Invoke-DemoStep 'Start the local emulator (no KONBINI_API_KEY set)' {
            Import-Module (Join-Path $PSScriptRoot '../tests/Pester/Emulator.psm1') -Force
            $startArgs = @{ Arguments = @('--latency-ms', '150', '--jitter-ms', '100') }
            if ($EmulatorPath) { $startArgs.Path = $EmulatorPath }
            $script:emulator = Start-TestEmulator @startArgs
            Write-Host "emulator at $($script:emulator.BaseUri)"
            # The emulator's built-in key is no secret, but the demo passes it the way a real key should go.
            $secure = ConvertTo-SecureString 'knbn_emulator' -AsPlainText -Force
            Set-KonbiniApiKey -ApiKey $secure -BaseUri $script:emulator.BaseUri -ErrorAction Stop
        }
    }

    Invoke-DemoStep "Look up $($Username.Count) TikTok users through the pipeline (the last one does not exist)" {
        $script:users = $Username | Get-KonbiniTikTokUser
        $script:users | Format-Table | Out-Host
    }

    Invoke-DemoStep 'User -> videos -> comments: the first 3 videos of each found user, 5 comments on each' {
        if (-not $script:users) { throw 'No users to follow: the lookup step returned nothing.' }
        $script:videos = @($script:users | Get-KonbiniTikTokVideo -First 3)
        $script:videos | Format-Table | Out-Host
        $script:comments = @($script:videos | Get-KonbiniTikTokComment -First 5)
        $script:comments | Select-Object -First 8 | Format-Table | Out-Host
        Write-Host "$($script:videos.Count) videos and $($script:comments.Count) comments; every comment carries its VideoId:"
        $script:comments | Group-Object VideoId | Format-Table Count, Name -AutoSize | Out-Host
    }

    Invoke-DemoStep 'Instagram: a profile -> its first 3 posts -> 5 comments on each' {
        $profile = Get-KonbiniInstagramUser -Username 'luna.rivera42' -ErrorAction Stop
        $profile | Format-Table | Out-Host
        $posts = @($profile | Get-KonbiniInstagramPost -First 3)
        $posts | Format-Table | Out-Host
        $posts | Get-KonbiniInstagramComment -First 5 | Select-Object -First 6 | Format-Table | Out-Host
    }

    Invoke-DemoStep 'X: a profile from its x.com address -> its first 5 posts' {
        Get-KonbiniXUser -Username 'https://x.com/KhabyLame?s=20' -ErrorAction Stop |
            Get-KonbiniXPost -First 5 | Format-Table | Out-Host
    }

    Invoke-DemoStep 'Reddit: a subreddit''s first 5 posts, then the same posts by ID in one batch request' {
        $posts = @(Get-KonbiniRedditPost -Subreddit 'r/PowerShell' -First 5 -ErrorAction Stop)
        $posts | Format-Table | Out-Host
        Get-KonbiniRedditPost -PostId $posts.PostId | Select-Object PostId, Score, CommentCount, Title | Format-Table | Out-Host
    }

    Invoke-DemoStep 'LinkedIn: a company page -> its first 5 posts' {
        Get-KonbiniLinkedInCompany -Company 'stripe' -ErrorAction Stop |
            Get-KonbiniLinkedInPost -First 5 | Format-Table | Out-Host
    }

    Invoke-DemoStep 'Credits as the last response reported them' {
        Get-KonbiniCredit | Format-List | Out-Host
    }

    Invoke-DemoStep 'Export-Csv and Import-Csv round trip' {
        if (-not $script:users) { throw 'No users to export: the lookup step returned nothing.' }
        $script:users | Export-Csv -Path $csv -NoTypeInformation
        $rows = @(Import-Csv -Path $csv)
        Write-Host "$($rows.Count) row(s) written to and read back from $csv; the first two lines of the file:"
        Get-Content -Path $csv -TotalCount 2 | Out-Host
        $rows | Format-Table | Out-Host
    }

    Invoke-DemoStep 'Comments to CSV, then the CSV rows straight back in: their VideoId column lists the videos again' {
        if (-not $script:comments) { throw 'No comments to export: the previous step returned nothing.' }
        $script:comments | Select-Object VideoId, CommentId, Author, LikeCount, ReplyCount, Text | Export-Csv -Path $csv -NoTypeInformation
        Get-Content -Path $csv -TotalCount 3 | Out-Host
        Import-Csv -Path $csv | Select-Object -Property VideoId -Unique | Get-KonbiniTikTokVideo | Format-Table | Out-Host
    }
}
finally {
    if ($emulator) { Stop-TestEmulator -Emulator $emulator }
    Remove-Item -Path $csv -ErrorAction SilentlyContinue
}

Write-Host ''
if ($script:FailedSteps) {
    Write-Host "Demo finished with $($script:FailedSteps) failed step(s)." -ForegroundColor Yellow
    exit 1
}
Write-Host 'Demo finished.' -ForegroundColor Green
