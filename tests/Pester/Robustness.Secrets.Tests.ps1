#Requires -Version 7.0
# Issue 6, secrets part: a distinctive key never appears in a transcript, any output stream, $Error or the
# JSON of any returned object, whatever cmdlet ran and however it failed; and the key is never sent over
# plain http to a host that is not this machine, whether the address came from Set-KonbiniApiKey or from
# the saved configuration. Each scenario prints one summary line (Write-Host).

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'KonbiniTest.psd1') -Force
    $script:Uri = (Start-TestSuite).BaseUri

    function Get-Occurrences([string] $Text, [string] $Needle) {
        if (-not $Text) { return 0 }
        return ([regex]::Matches($Text, [regex]::Escape($Needle), 'IgnoreCase')).Count
    }

    # The forms a leaked key could take: the whole key, its random part on its own, and its base64 (as in
    # a Basic header or an encoded dump) at each of the three byte alignments it could start at inside a
    # longer encoded text (only the characters that depend on the key alone are kept).
    function Get-SecretNeedles([string] $Secret, [string] $RandomPart) {
        $needles = [ordered]@{ key = $Secret; random = $RandomPart }
        foreach ($shift in 0, 1, 2) {
            $encoded = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes(('x' * $shift) + $Secret))
            $skip = if ($shift -eq 0) { 0 } else { 4 }
            $needles["base64+$shift"] = $encoded.Substring($skip, $encoded.Length - $skip - 4)
        }
        return $needles
    }
}

AfterAll {
    Stop-TestSuite
}

Describe 'Robustness: secrets (issue 6)' {
    BeforeEach {
        Set-EmulatorConfig -Settings @{ latencyMs = 0; jitterMs = 0; faultRate = 0 }
        Reset-Emulator
        $null = New-TestConfigurationHome
        Remove-Item Env:KONBINI_API_KEY -ErrorAction SilentlyContinue
        Remove-KonbiniApiKey
        Set-KonbiniConfiguration -BaseUri $Uri -CreditWarningThreshold 0 -RetryCount 1 -TimeoutSec 30
    }

    AfterEach {
        Remove-Item Env:KONBINI_API_KEY -ErrorAction SilentlyContinue
        Remove-KonbiniApiKey -ErrorAction SilentlyContinue
    }

    It 'never shows the key in a transcript, any stream, $Error or the JSON of any output, across every cmdlet and failure' {
        $secret = 'knbn_leak_' + [guid]::NewGuid().ToString('N')
        Set-EmulatorKey -Key $secret -Credits 1000
        $secure = ConvertTo-SecureString $secret -AsPlainText -Force
        $wrong = 'knbn_wrongkey_' + [guid]::NewGuid().ToString('N').Substring(0, 8)
        $transcript = Join-Path $TestDrive 'leak-transcript.txt'
        $captured = [System.Collections.Generic.List[object]]::new()
        $exercised = [System.Collections.Generic.HashSet[string]]::new([StringComparer]::OrdinalIgnoreCase)
        $ErrorActionPreference = 'Continue'
        $Error.Clear()

        # Runs one command with every stream merged into $captured and shown on the host (so the
        # transcript holds it as a person would see it); a terminating error is captured too.
        # -WarningAction Continue: for a compiled cmdlet PowerShell turns -Debug into an Inquire prompt
        # on every warning, which a test host cannot answer.
        $run = {
            param([string] $Name, [hashtable] $Parameters)
            $script:commandsRun++
            $null = $exercised.Add($Name)
            $before = $captured.Count
            try {
                & $Name @Parameters -Verbose -Debug -WarningAction Continue *>&1 | ForEach-Object { $captured.Add($_); $_ } | Out-Host
            }
            catch {
                $captured.Add($_)
                $_ | Out-Host
            }
            if ($captured.Count -eq $before) { $script:silent.Add($Name) }
        }
        $script:commandsRun = 0
        $script:silent = [System.Collections.Generic.List[string]]::new()

        Start-Transcript -Path $transcript -Force | Out-Null
        try {
            # The key as plain text (warned about), as a SecureString, stored for the current user.
            & $run 'Set-KonbiniApiKey' @{ ApiKey = $secret; BaseUri = $Uri }
            & $run 'Set-KonbiniApiKey' @{ ApiKey = $secure; BaseUri = $Uri; Scope = 'CurrentUser' }
            & $run 'Get-KonbiniConfiguration' @{}
            & $run 'Get-KonbiniConfiguration' @{ Scope = 'CurrentUser' }
            & $run 'Set-KonbiniConfiguration' @{ RetryCount = 1; PassThru = $true }
            # Bad configuration values: refused by parameter validation and by the cmdlet itself.
            & $run 'Set-KonbiniConfiguration' @{ RetryCount = 99 }
            & $run 'Set-KonbiniConfiguration' @{ BaseUri = 'http://example.invalid'; PassThru = $true }
            & $run 'Set-KonbiniConfiguration' @{ ProxyCredential = [pscredential]::new('proxyuser', $secure) }
            # Lookups: success, not found, invalid input, server-side validation, fault, bad JSON, raw output.
            & $run 'Get-KonbiniTikTokUser' @{ Username = @('leak_ok', 'emu.notfound', 'bad/name', "bad`nline", 'emu.invalid', 'emu.fault.500', 'emu.fault.badjson', 'emu.full') }
            & $run 'Get-KonbiniTikTokUser' @{ Username = 'leak_raw'; Raw = $true }
            & $run 'Get-KonbiniTikTokUser' @{ Username = 'leak_param'; ApiKey = $secret }
            & $run 'Get-KonbiniTikTokUser' @{ Username = 'leak_cred'; ApiKey = [pscredential]::new('ignored', $secure) }
            & $run 'Get-KonbiniTikTokUser' @{ Username = 'leak_wrong'; ApiKey = $wrong }
            & $run 'Get-KonbiniTikTokUser' @{ Username = 'emu.fault.hang'; TimeoutSec = 1 }
            # Every other operation: lists, single objects, the escape hatch and a download.
            & $run 'Get-KonbiniTikTokFollower' @{ Username = 'leak_ok'; First = 3 }
            & $run 'Get-KonbiniTikTokFollowing' @{ Username = 'leak_ok'; First = 3 }
            & $run 'Search-KonbiniTikTokUser' @{ Query = 'leak' }
            & $run 'Get-KonbiniTikTokVideo' @{ Username = 'leak_ok'; First = 2 }
            & $run 'Search-KonbiniTikTokVideo' @{ Query = 'leak'; First = 2 }
            & $run 'Search-KonbiniTikTok' @{ Query = 'leak'; First = 2 }
            & $run 'Get-KonbiniTikTokCollection' @{ Username = 'leak_ok'; First = 2 }
            & $run 'Get-KonbiniTikTokStory' @{ Username = 'leak_ok'; First = 2 }
            & $run 'Get-KonbiniTikTokLive' @{ Username = 'leak_ok' }
            & $run 'Get-KonbiniTikTokComment' @{ VideoId = '7611615657754381599'; First = 2 }
            & $run 'Get-KonbiniTikTokTranscript' @{ VideoId = '7611615657754381599' }
            & $run 'Get-KonbiniTikTokAudio' @{ AudioId = '6931290927570946049' }
            & $run 'Save-KonbiniTikTokVideo' @{ VideoId = '7611615657754381599'; Destination = (Join-Path $TestDrive 'leak-videos'); PassThru = $true }
            & $run 'Get-KonbiniXUser' @{ Username = @('leak_ok', 'emu_notfound', 'bad/name', 'emu_invalid', 'emu_fault_500') }
            & $run 'Get-KonbiniXPost' @{ Username = 'leak_ok'; First = 2 }
            & $run 'Get-KonbiniXCommunity' @{ CommunityId = '1669501013441806336' }
            & $run 'Get-KonbiniInstagramUser' @{ Username = @('leak_ok', 'emu.notfound', 'bad/name') }
            & $run 'Get-KonbiniInstagramPost' @{ Username = 'leak_ok'; First = 2 }
            & $run 'Get-KonbiniInstagramReel' @{ Username = 'leak_ok'; First = 2 }
            & $run 'Get-KonbiniInstagramComment' @{ PostId = 'DVRYDo-Cjw3'; First = 2 }
            & $run 'Get-KonbiniInstagramHighlight' @{ Username = 'leak_ok'; First = 2 }
            & $run 'Get-KonbiniInstagramStory' @{ HighlightId = '17986596002776443'; First = 2 }
            & $run 'Search-KonbiniInstagram' @{ Query = 'leak'; First = 2 }
            & $run 'Get-KonbiniLinkedInUser' @{ Username = @('leak-ok', 'emu.notfound', 'bad/name') }
            & $run 'Get-KonbiniLinkedInCompany' @{ Company = 'leak-co' }
            & $run 'Get-KonbiniLinkedInPost' @{ Company = 'leak-co'; First = 2 }
            & $run 'Get-KonbiniLinkedInArticle' @{ Username = 'leak-ok' }
            & $run 'Get-KonbiniLinkedInTranscript' @{ PostId = 'urn:li:activity:1000000000000000000' }
            & $run 'Get-KonbiniRedditUser' @{ Username = @('leak_ok', 'emu_notfound', 'bad/name') }
            & $run 'Get-KonbiniRedditPost' @{ Subreddit = 'leak_ok'; First = 2 }
            & $run 'Get-KonbiniRedditComment' @{ Username = 'leak_ok'; First = 2 }
            & $run 'Get-KonbiniRedditActivity' @{ Username = 'leak_ok'; First = 2 }
            & $run 'Get-KonbiniRedditSubreddit' @{ Name = 'leak_ok' }
            & $run 'Get-KonbiniRedditRule' @{ Subreddit = 'leak_ok' }
            & $run 'Search-KonbiniRedditPost' @{ Query = 'leak'; First = 2 }
            & $run 'Search-KonbiniRedditUser' @{ Query = 'leak'; First = 2 }
            & $run 'Search-KonbiniRedditSubreddit' @{ Query = 'leak'; First = 2 }
            & $run 'Invoke-KonbiniApi' @{ Path = '/v1/tiktok/users/leak_invoke' }
            & $run 'Get-KonbiniCredit' @{}
            # The key from the environment, then no key at all.
            & $run 'Remove-KonbiniApiKey' @{ Scope = 'CurrentUser' }
            $env:KONBINI_API_KEY = $secret
            & $run 'Get-KonbiniTikTokUser' @{ Username = 'leak_env' }
            & $run 'Get-KonbiniConfiguration' @{}
            Remove-Item Env:KONBINI_API_KEY
            & $run 'Get-KonbiniTikTokUser' @{ Username = 'leak_nokey' }
            & $run 'Remove-KonbiniApiKey' @{}
        }
        finally {
            Stop-Transcript | Out-Null
        }

        $transcriptText = Get-Content -Raw $transcript
        $streamText = ($captured | ForEach-Object {
                if ($_ -is [System.Management.Automation.ErrorRecord]) { $_ | Format-List * -Force | Out-String -Width 4096; $_.Exception | Format-List * -Force | Out-String -Width 4096 }
                elseif ($_ -is [System.Management.Automation.InformationalRecord]) { $_.Message }
                else { $_ | Format-List * -Force | Out-String -Width 4096 }
            }) -join "`n"
        $errorText = ($Error | Format-List * -Force | Out-String -Width 4096) +
            (($Error | ForEach-Object { $_.Exception; $_.Exception.InnerException } | Where-Object { $_ } | Format-List * -Force | Out-String -Width 4096))
        $objects = @($captured | Where-Object {
                $_ -isnot [System.Management.Automation.ErrorRecord] -and
                $_ -isnot [System.Management.Automation.InformationalRecord] -and
                $_ -isnot [System.Management.Automation.InformationRecord]
            })
        $jsonText = ($objects | ForEach-Object { $_ | ConvertTo-Json -Depth 5 -WarningAction SilentlyContinue }) -join "`n"
        $sentWithKey = @(Get-EmulatorRequests | Where-Object key -EQ $secret).Count
        $exported = @(Get-Command -Module KonbiniApi | ForEach-Object Name)
        $randomPart = $secret.Substring('knbn_leak_'.Length)
        $needles = Get-SecretNeedles $secret $randomPart
        $texts = [ordered]@{ transcript = $transcriptText; streams = $streamText; errors = $errorText; json = $jsonText }
        $found = [ordered]@{}
        foreach ($where in $texts.Keys) {
            foreach ($form in $needles.Keys) { $found["$where/$form"] = Get-Occurrences $texts[$where] $needles[$form] }
        }
        $leaks = @($found.Keys | Where-Object { $found[$_] -gt 0 })
        $errorIds = @($captured | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] } |
                ForEach-Object { ($_.FullyQualifiedErrorId -split ',')[0] } | Sort-Object -Unique)
        $lookupObjects = @($objects | Where-Object { $_ -is [KonbiniApi.Models.TikTokUser] })
        Write-ScenarioSummary -Label 'secrets' -Inputs $script:commandsRun -Objects $objects.Count `
            -Errors @($captured | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] }).Count -Lost $script:silent.Count `
            -CreditsCharged (Get-EmulatorCharged -Key $secret) -RequestsSeen @(Get-EmulatorRequests).Count -Details @(
            "cmdlets $(@($exported | Where-Object { $exercised.Contains($_) }).Count) of $($exported.Count) run", "records captured $($captured.Count)",
            "errors in `$Error $($Error.Count)", ('transcript {0:N0} chars' -f $transcriptText.Length), "requests sent with the key $sentWithKey",
            "error ids $($errorIds -join ' ')", "forms searched $($needles.Count) in $($texts.Count) texts", "leaks $($leaks.Count)$(if ($leaks) { ' (' + ($leaks -join ' ') + ')' })")

        # The test is not vacuous: every exported cmdlet ran, the key was really used, and the searched
        # text holds verbose, debug, warning and error output.
        foreach ($name in $exported) { @($exercised) | Should -Contain $name -Because "$name must be exercised" }
        $sentWithKey | Should -BeGreaterThan 5
        @($captured | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Count | Should -BeGreaterThan 0
        @($captured | Where-Object { $_ -is [System.Management.Automation.WarningRecord] }).Count | Should -BeGreaterThan 0
        @($captured | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] }).Count | Should -BeGreaterThan 5
        $objects.Count | Should -BeGreaterThan 3
        $Error.Count | Should -BeGreaterThan 0
        $script:silent | Should -BeNullOrEmpty -Because 'every command run wrote something (records, -Verbose lines or an error)'
        # The searched texts really hold what the cmdlets wrote: the masked key from -Verbose, the users
        # looked up, and the ids of the errors raised, in the captured streams, the transcript and $Error.
        $lookupObjects.Username | Should -Contain 'leak_ok'
        $lookupObjects.Username | Should -Contain 'leak_env'
        $expectedIds = 'KonbiniApi.NotFound', 'KonbiniApi.InvalidInput', 'KonbiniApi.Timeout', 'KonbiniApi.InvalidResponse', 'KonbiniApi.InvalidConfiguration'
        foreach ($id in $expectedIds) {
            $errorIds | Should -Contain $id
            $streamText | Should -Match ([regex]::Escape($id))
            $errorText | Should -Match ([regex]::Escape($id))
            # The host shows the message, not the id: the start of the message is in the transcript.
            $record = $captured | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] -and $_.FullyQualifiedErrorId -like "$id*" } | Select-Object -First 1
            $opening = ($record.Exception.Message -split "`n")[0]
            $transcriptText | Should -Match ([regex]::Escape($opening.Substring(0, [Math]::Min(30, $opening.Length)))) -Because "the transcript shows the $id error"
        }
        $streamText | Should -Match 'knbn_\*\*\*\*' -Because 'Set-KonbiniApiKey -Verbose names the key only in its masked form'
        $transcriptText | Should -Match 'knbn_\*\*\*\*'
        $transcriptText | Should -Match 'leak_ok'
        $jsonText | Should -Match '"leak_ok"' -Because 'the JSON searched holds the returned objects'
        # The needles are right: each form finds a copy planted on purpose (base64 behind a different prefix).
        $planted = "prefix $secret " + ((0, 1, 2 | ForEach-Object { [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes(('y' * $_) + $secret)) }) -join ' ')
        foreach ($form in $needles.Keys) {
            Get-Occurrences $planted $needles[$form] | Should -BeGreaterThan 0 -Because "the '$form' needle must find a planted copy"
        }

        $leaks | Should -BeNullOrEmpty -Because 'the key appears in no form in any text'
    }

    It 'refuses a plain-http remote base URI from Set-KonbiniApiKey and from the saved configuration, sending nothing' {
        $key = 'knbn_http_' + [guid]::NewGuid().ToString('N').Substring(0, 12)
        Set-EmulatorKey -Key $key -Credits 100
        $secure = ConvertTo-SecureString $key -AsPlainText -Force

        # 1. Set-KonbiniApiKey -BaseUri http://example.invalid
        $fromSetKey = $null
        try { Set-KonbiniApiKey -ApiKey $secure -BaseUri 'http://example.invalid' -ErrorAction Stop } catch { $fromSetKey = $_ }
        $configAfter = Get-KonbiniConfiguration

        # 2. Set-KonbiniConfiguration -BaseUri http://example.invalid
        $fromSetConfig = $null
        Set-KonbiniConfiguration -BaseUri 'http://example.invalid' -ErrorAction SilentlyContinue -ErrorVariable fromSetConfig

        # 3. The same address in the saved configuration, read by a new session at call time.
        $null = New-Item -ItemType Directory -Force $env:KONBINI_CONFIG_HOME
        Set-Content -Path (Join-Path $env:KONBINI_CONFIG_HOME 'settings.json') -Value '{"baseUri":"http://example.invalid/","retryCount":0}' -Encoding utf8NoBOM
        $fromFile = (Invoke-InNewRunspace -ArgumentList $key {
                param($Key)
                $ErrorActionPreference = 'Continue'
                $config = Get-KonbiniConfiguration
                try { Get-KonbiniTikTokUser -Username 'never_sent' -ApiKey (ConvertTo-SecureString $Key -AsPlainText -Force) -ErrorAction Stop; 'no error' }
                catch { [pscustomobject]@{ BaseUri = "$($config.BaseUri)"; ErrorId = $_.FullyQualifiedErrorId; Category = "$($_.CategoryInfo.Category)"; Message = $_.Exception.Message } }
            }).Output | Select-Object -First 1
        $requests = @(Get-EmulatorRequests)
        $refusals = @($fromSetKey, @($fromSetConfig)[0], $(if ($fromFile -and $fromFile -ne 'no error') { $fromFile }) | Where-Object { $_ })
        Write-ScenarioSummary -Label 'insecure base uri' -Inputs 3 -Objects 0 -Errors $refusals.Count -Lost (3 - $refusals.Count) `
            -CreditsCharged (Get-EmulatorCharged -Key $key) -RequestsSeen $requests.Count -Details @(
            "Set-KonbiniApiKey $(($fromSetKey.FullyQualifiedErrorId -split ',')[0])",
            "Set-KonbiniConfiguration $((@($fromSetConfig)[0].FullyQualifiedErrorId -split ',')[0])",
            "saved configuration $(($fromFile.ErrorId -split ',')[0])", "session base uri kept $($configAfter.BaseUri)")

        $fromSetKey | Should -Not -BeNullOrEmpty
        $fromSetKey.FullyQualifiedErrorId | Should -BeLike 'KonbiniApi.InsecureTransport*'
        $fromSetKey.CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::SecurityError)
        $fromSetKey.Exception.Message | Should -Match 'plain http'
        $configAfter.BaseUri.ToString().TrimEnd('/') | Should -Be $Uri -Because 'a refused Set-KonbiniApiKey changes nothing'
        @($fromSetConfig) | Should -HaveCount 1
        @($fromSetConfig)[0].FullyQualifiedErrorId | Should -BeLike 'KonbiniApi.InvalidConfiguration*'
        $fromFile | Should -Not -Be 'no error'
        $fromFile.BaseUri | Should -Be 'http://example.invalid/' -Because 'the new session read the saved address'
        $fromFile.ErrorId | Should -BeLike 'KonbiniApi.InsecureTransport*'
        $fromFile.Category | Should -Be 'SecurityError'
        $fromFile.Message | Should -Match 'No request was made'
        $fromFile.Message | Should -Not -Match ([regex]::Escape($key))
        $requests | Should -HaveCount 0
    }
}
