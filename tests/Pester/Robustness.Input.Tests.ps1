#Requires -Version 7.0
# Issue 6, input and response part: usernames meant to break things never leave the single path segment
# they belong in and cost no request when refused; hostile answers from the service become clear errors,
# never a crash; a huge body is refused with bounded memory; a hanging service times out.
# Each scenario prints one summary line (Write-Host) so the figures show in CI output.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'KonbiniTest.psd1') -Force
    $script:Suite = Start-TestSuite
    $script:Key = $Suite.Key
    Set-KonbiniConfiguration -RetryCount 2

    # Inputs refused locally: no request may be made for any of them.
    $script:Refused = @(
        '', ' ', '   ', "`t", '.', '..', '...', 'name.', '../x', '..\x', 'a/b', '/v1/tiktok/users/x', 'a?b', '?x=1', 'a#b', '#frag',
        '%2e%2e', '%2F', 'a%2Fb', '%00', 'a\b', '\\server\share', "a`rb", "a`nb", "a`r`nb", "a$([char] 0)b", "a`tb",
        ('x' * 10000), ('y' * 25), "$([char]::ConvertFromUtf32(0x1F600))", "abc$([char]::ConvertFromUtf32(0x1F525))",
        'مرحبا', "abc$([char] 0x202E)def", "e$([char] 0x301)", "' OR 1=1 --", "a'; DROP TABLE users; --",
        '$(rm -rf /)', ';ls', '`whoami`', '| cat /etc/passwd', '&& echo pwned', '<script>alert(1)</script>', '{{7*7}}',
        'a b', 'https://www.instagram.com/someone', 'https://evil.example/@x', 'http://tiktok.com.evil.example/@x',
        'https://www.tiktok.com@evil.example/@x', 'ftp://tiktok.com/@x', 'file:///etc/passwd', 'javascript:alert(1)',
        '@', '@@x', ('https://www.tiktok.com/@' + ('a' * 5000)), "$([char] 0x430)dmin", "$([char] 0x391)dam",
        'ａｂｃ', 'ＡＢＣ', "ab$([char] 0x200D)c", "ab$([char] 0x200B)c", "$([char] 0xFEFF)abc", 'İstanbul',
        'https://www.tiktok.com/@../x', 'https://www.tiktok.com/@a%2Fb', 'https://www.tiktok.com/@a%00b',
        'https://www.tiktok.com/@..', 'https://www.tiktok.com/@%2e%2e', 'https://www.tiktok.com/', 'https://www.tiktok.com/@',
        'https://www.tiktok.com/@x/../../../v1/admin', $null
    )
    # Inputs that are (after trimming, '@', or reading the profile URL) valid: each costs exactly one
    # request, for the handle on the right.
    $script:Valid = [ordered]@{
        'valid_one'                                              = 'valid_one'
        '@valid_two'                                             = 'valid_two'
        'Valid.Three'                                            = 'valid.three'
        '  padded_four  '                                        = 'padded_four'
        "`tvalid_tab`t"                                          = 'valid_tab'
        "@trail_nl`n"                                            = 'trail_nl'
        "$([char] 0xA0)nbsp_pad$([char] 0xA0)"               = 'nbsp_pad'
        'https://www.tiktok.com/@valid_url?lang=en'              = 'valid_url'
        'https://www.tiktok.com/@valid_video/video/123?x=../../' = 'valid_video'
        'tiktok.com/@valid_bare'                                 = 'valid_bare'
        'https://m.tiktok.com/@valid_mobile'                     = 'valid_mobile'
        'https://www.tiktok.com/@valid%5Fenc'                    = 'valid_enc'
        'https://user@www.tiktok.com/@valid_userinfo'            = 'valid_userinfo'
        'HTTPS://WWW.TIKTOK.COM/@Valid_Caps'                     = 'valid_caps'
        ('z' * 24)                                               = ('z' * 24)
        '_'                                                      = '_'
        '.leadingdot'                                            = '.leadingdot'
    }

    # Interleaves refused and valid inputs so that both kinds sit next to each other.
    function Get-HostileInputs {
        $valid = @($Valid.Keys)
        $list = [System.Collections.Generic.List[object]]::new()
        for ($i = 0; $i -lt $Refused.Count; $i++) {
            $list.Add($Refused[$i])
            if ($i % 4 -eq 0 -and ($i / 4) -lt $valid.Count) { $list.Add($valid[$i / 4]) }
        }
        for ($j = [Math]::Ceiling($Refused.Count / 4); $j -lt $valid.Count; $j++) { $list.Add($valid[$j]) }
        return , $list.ToArray()
    }

    # Every request the emulator saw stayed on the users route with exactly one segment.
    function Get-BadTargets {
        foreach ($r in @(Get-EmulatorRequests)) {
            $target = [string] $r.rawTarget
            if ($target -notmatch '^/v1/tiktok/users/([^/?#]+)$') { $target; continue }
            $segment = [uri]::UnescapeDataString($Matches[1])
            if ($segment -match '[/\\?#\x00-\x1f]' -or $segment -in '.', '..') { $target }
        }
    }

    function Test-HostileRun([object[]] $Outcomes, [object[]] $Inputs, [string] $Label) {
        $errors = @($Outcomes | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        $objects = @($Outcomes | Where-Object { $_ -isnot [System.Management.Automation.ErrorRecord] })
        $validCount = $Valid.Count
        $requests = @(Get-EmulatorRequests)
        $bad = @(Get-BadTargets)
        $lost = $Inputs.Count - $Outcomes.Count
        Write-ScenarioSummary -Label $Label -Inputs $Inputs.Count -Objects $objects.Count -Errors $errors.Count -Lost $lost `
            -CreditsCharged (Get-EmulatorCharged -Key $Key) -RequestsSeen $requests.Count -Details @(
            "$validCount valid", "$($Refused.Count) refused", "targets off the route $($bad.Count)")

        $Outcomes | Should -HaveCount $Inputs.Count
        $bad | Should -HaveCount 0
        $requests | Should -HaveCount $validCount -Because 'a locally refused input costs no request'
        $objects | Should -HaveCount $validCount
        $errors | Should -HaveCount $Refused.Count
        # Outcomes in input order: an object for a valid input (with the right handle), an
        # InvalidInput error naming the input otherwise.
        for ($i = 0; $i -lt $Inputs.Count; $i++) {
            $in = $Inputs[$i]
            $out = $Outcomes[$i]
            if ($null -ne $in -and $Valid.Contains($in)) {
                $out | Should -BeOfType ([KonbiniApi.Models.TikTokUser]) -Because "'$in' is valid"
                $out.Username | Should -BeExactly $Valid[$in]
            }
            else {
                $out | Should -BeOfType ([System.Management.Automation.ErrorRecord]) -Because "input $i is not a username"
                $out.FullyQualifiedErrorId | Should -BeLike 'KonbiniApi.InvalidInput*'
                $out.TargetObject | Should -Be $in
                # The message is one bounded, printable line whatever the input was.
                $out.Exception.Message | Should -Not -Match '[\x00-\x08\x0a-\x1f]'
                $out.Exception.Message.Length | Should -BeLessThan 400
            }
        }
    }
}

AfterAll {
    Stop-TestSuite
}

Describe 'Robustness: hostile input and hostile responses (issue 6)' {
    BeforeEach {
        Set-EmulatorConfig -Settings @{ latencyMs = 0; jitterMs = 0; faultRate = 0 }
        Reset-Emulator
    }

    It 'keeps every request on one path segment and refuses bad usernames without a request (-Username array)' {
        $inputs = Get-HostileInputs
        $Refused.Count | Should -BeGreaterOrEqual 60
        $outcomes = @(Get-KonbiniTikTokUser -Username $inputs -ThrottleLimit 16 -ErrorAction Continue 2>&1)
        Test-HostileRun -Outcomes $outcomes -Inputs $inputs -Label 'hostile input'

        # The session survives.
        $after = Get-KonbiniTikTokUser -Username 'after_hostile' -ErrorAction Stop
        $after.Username | Should -Be 'after_hostile'
    }

    It 'does the same for pipeline input' {
        $inputs = Get-HostileInputs
        $outcomes = @($inputs | Get-KonbiniTikTokUser -ThrottleLimit 16 -ErrorAction Continue 2>&1)
        Test-HostileRun -Outcomes $outcomes -Inputs $inputs -Label 'hostile pipeline input'
        (Get-KonbiniTikTokUser -Username 'after_pipeline' -ErrorAction Stop).Username | Should -Be 'after_pipeline'
    }

    It 'turns malformed answers into clear errors and tolerates unknown members' {
        $names = 'emu.fault.badjson', 'emu.fault.html', 'emu.datanull', 'emu.wrongtypes', 'emu.missing', 'emu.extra'
        $expected = @{
            'emu.fault.badjson' = 'KonbiniApi.InvalidResponse'
            'emu.fault.html'    = 'KonbiniApi.PlatformError'
            'emu.datanull'      = 'KonbiniApi.InvalidResponse'
            'emu.wrongtypes'    = 'KonbiniApi.InvalidResponse'
            'emu.missing'       = 'KonbiniApi.InvalidResponse'
        }
        $outcomes = @(Get-KonbiniTikTokUser -Username $names -ErrorAction Continue 2>&1)
        $errors = @($outcomes | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        $requests = @(Get-EmulatorRequests)
        $htmlRequests = @($requests | Where-Object rawTarget -Like '*emu.fault.html').Count
        Write-ScenarioSummary -Label 'hostile responses' -Inputs $names.Count -Objects ($outcomes.Count - $errors.Count) -Errors $errors.Count `
            -Lost ($names.Count - $outcomes.Count) -CreditsCharged (Get-EmulatorCharged -Key $Key) -RequestsSeen $requests.Count -Details @(
            "error ids $(($errors | ForEach-Object { ($_.FullyQualifiedErrorId -split ',')[0] }) -join ' ')", "html requests $htmlRequests (1 + 2 retries)")

        $outcomes | Should -HaveCount $names.Count
        for ($i = 0; $i -lt 5; $i++) {
            $outcomes[$i] | Should -BeOfType ([System.Management.Automation.ErrorRecord])
            $outcomes[$i].TargetObject | Should -Be $names[$i]
            $outcomes[$i].FullyQualifiedErrorId | Should -BeLike "$($expected[$names[$i]])*"
            $outcomes[$i].Exception | Should -BeOfType ([KonbiniApi.Errors.KonbiniApiException])
            $outcomes[$i].Exception.Message | Should -Not -BeNullOrEmpty
        }
        $outcomes[1].Exception.Attempts | Should -Be 3 -Because 'the HTML 502 is retried twice, then reported'
        $outcomes[1].Exception.Message | Should -Match 'text/html'
        $outcomes[2].Exception.Message | Should -Match "'data' null"
        $outcomes[5] | Should -BeOfType ([KonbiniApi.Models.TikTokUser])
        $outcomes[5].Username | Should -Be 'emu.extra'
        $htmlRequests | Should -Be 3
    }

    It 'refuses a 300 MB body with KonbiniApi.ResponseTooLarge without holding it in memory' {
        [GC]::Collect(); [GC]::WaitForPendingFinalizers(); [GC]::Collect()
        $before = [Environment]::WorkingSet
        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        $outcome = @(Get-KonbiniTikTokUser -Username 'emu.fault.huge' -ErrorAction Continue 2>&1)
        $watch.Stop()
        $after = [Environment]::WorkingSet
        $grownMb = ($after - $before) / 1MB
        $hugeErrors = @($outcome | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        Write-ScenarioSummary -Label 'huge' -Inputs 1 -Objects ($outcome.Count - $hugeErrors.Count) -Errors $hugeErrors.Count `
            -Lost (1 - $outcome.Count) -CreditsCharged (Get-EmulatorCharged -Key $Key) -RequestsSeen @(Get-EmulatorRequests).Count -Details @(
            "outcome $(($outcome | ForEach-Object { ($_.FullyQualifiedErrorId -split ',')[0] }) -join ' ')",
            ('working set grew {0:0.0} MB (body about 300 MB, cap 16 MB)' -f $grownMb), ('{0:0.0} s' -f $watch.Elapsed.TotalSeconds))

        $outcome | Should -HaveCount 1
        $outcome[0] | Should -BeOfType ([System.Management.Automation.ErrorRecord])
        $outcome[0].FullyQualifiedErrorId | Should -BeLike 'KonbiniApi.ResponseTooLarge*'
        $outcome[0].CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::LimitsExceeded)
        # A clear error: it says the answer is larger than the cap, names the cap, and that it was not read.
        $outcome[0].Exception.Message | Should -Match 'larger than the response size cap of 16,777,216 bytes'
        $outcome[0].Exception.Message | Should -Match 'was not read'
        $outcome[0].Exception.Message | Should -Match ([regex]::Escape('/v1/tiktok/users/emu.fault.huge'))
        Get-EmulatorCharged -Key $Key | Should -Be 0 -Because 'an answer that was not read is not charged'
        $grownMb | Should -BeLessThan 100
        # The module walked away: the emulator's huge stream ends as an aborted request, not retried.
        @(Get-EmulatorRequests) | Should -HaveCount 1
        (Get-KonbiniTikTokUser -Username 'after_huge' -ErrorAction Stop).Username | Should -Be 'after_huge'
    }

    It 'gives up on a hanging service after -TimeoutSec 2 with KonbiniApi.Timeout, without retrying' {
        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        $outcome = @(Get-KonbiniTikTokUser -Username 'emu.fault.hang' -TimeoutSec 2 -ErrorAction Continue 2>&1)
        $watch.Stop()
        $requests = @(Get-EmulatorRequests)
        $hangErrors = @($outcome | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        Write-ScenarioSummary -Label 'hang' -Inputs 1 -Objects ($outcome.Count - $hangErrors.Count) -Errors $hangErrors.Count `
            -Lost (1 - $outcome.Count) -CreditsCharged (Get-EmulatorCharged -Key $Key) -RequestsSeen $requests.Count -Details @(
            "outcome $(($outcome | ForEach-Object { ($_.FullyQualifiedErrorId -split ',')[0] }) -join ' ')",
            ('elapsed {0:0.00} s with -TimeoutSec 2' -f $watch.Elapsed.TotalSeconds))

        $outcome | Should -HaveCount 1
        $outcome[0].FullyQualifiedErrorId | Should -BeLike 'KonbiniApi.Timeout*'
        $outcome[0].CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::OperationTimeout)
        $outcome[0].Exception.Message | Should -Match 'timed out'
        $outcome[0].Exception.Attempts | Should -Be 1
        $watch.Elapsed.TotalSeconds | Should -BeGreaterOrEqual 1.9
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 8
        $requests | Should -HaveCount 1 -Because 'a timeout is not retried'
    }
}
