#Requires -Version 7.0
# Proxies end to end, against a fake proxy started here: a TcpListener on 127.0.0.1 that records the head
# (request line and headers) of every request it receives and never forwards anything. A CONNECT gets
# 407 Proxy Authentication Required when a credential is expected and none was sent, otherwise 502; any
# other request gets 502. Every connection is closed after one answer, so the proxy stays simple.
#
#   -Proxy                          an https lookup tunnels through the proxy with CONNECT, without the key
#   -ProxyCredential                the proxy gets Basic credentials after its 407 challenge
#   HTTPS_PROXY (child pwsh)        the system proxy honours the variable; -NoProxy turns it off
#   plain http to this machine      never goes through a proxy (-Proxy or HTTP_PROXY): the request would
#                                   carry 'Authorization: Bearer <key>' to the proxy in clear text
#
# The https base URI is https://api.konbini.invalid: '.invalid' never resolves, so a lookup that does not
# use the proxy fails at once and nothing leaves this machine. Retries are off (-RetryCount 0) to keep the
# failing lookups fast.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'KonbiniTest.psd1') -Force
    # Stop-TestSuite puts the session's settings (proxy included) back as this file found them.
    $script:Suite = Start-TestSuite -Credits 1000
    $script:Emulator = $Suite.Emulator
    # A key the proxy must never see; the emulator knows it, so the plain-http lookups succeed.
    $script:Key = $Suite.Key

    $script:HttpsBase = 'https://api.konbini.invalid'

    # The fake proxy. State shared with its runspace: Heads (every request head, in arrival order) and
    # RequireAuth (answer 407 to a CONNECT without Proxy-Authorization).
    $script:ProxyState = [hashtable]::Synchronized(@{
            Heads       = [System.Collections.Concurrent.ConcurrentQueue[string]]::new()
            RequireAuth = $false
        })
    $script:ProxyListener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $ProxyListener.Start()
    $script:ProxyPort = $ProxyListener.LocalEndpoint.Port
    $script:ProxyUri = "http://127.0.0.1:$ProxyPort"

    $script:ProxyShell = [powershell]::Create()
    $null = $ProxyShell.AddScript({
            param($Listener, $State)
            $ascii = [System.Text.Encoding]::ASCII
            while ($true) {
                # Stop() in AfterAll makes the blocking accept throw, which ends the loop.
                try { $client = $Listener.AcceptTcpClient() } catch { return }
                try {
                    $client.ReceiveTimeout = 3000
                    $client.SendTimeout = 3000
                    $stream = $client.GetStream()
                    # Read up to the blank line that ends the head (at most 64 KB).
                    $buffer = [byte[]]::new(65536)
                    $length = 0
                    $head = $null
                    while ($length -lt $buffer.Length) {
                        $read = $stream.Read($buffer, $length, $buffer.Length - $length)
                        if ($read -le 0) { break }
                        $length += $read
                        $text = $ascii.GetString($buffer, 0, $length)
                        $end = $text.IndexOf("`r`n`r`n")
                        if ($end -ge 0) { $head = $text.Substring(0, $end); break }
                    }
                    if ($null -eq $head) { $head = $ascii.GetString($buffer, 0, $length) }
                    if ($head.Length -eq 0) { continue }
                    $State.Heads.Enqueue($head)

                    $isConnect = $head.StartsWith('CONNECT ')
                    $hasCredential = $head -match '(?im)^Proxy-Authorization:'
                    $answer = if ($isConnect -and $State.RequireAuth -and -not $hasCredential) {
                        "HTTP/1.1 407 Proxy Authentication Required`r`nProxy-Authenticate: Basic realm=`"t`"`r`nContent-Length: 0`r`nConnection: close`r`n`r`n"
                    }
                    else {
                        "HTTP/1.1 502 Bad Gateway`r`nContent-Length: 0`r`nConnection: close`r`n`r`n"
                    }
                    $bytes = $ascii.GetBytes($answer)
                    $stream.Write($bytes, 0, $bytes.Length)
                    $stream.Flush()
                }
                catch {
                    # A client that left or stalled: forget it and serve the next one.
                    $null = $_
                }
                finally { $client.Dispose() }
            }
        }).AddArgument($ProxyListener).AddArgument($ProxyState)
    $script:ProxyRun = $ProxyShell.BeginInvoke()

    function Clear-ProxyLog {
        $ignored = $null
        while ($ProxyState.Heads.TryDequeue([ref] $ignored)) { }
    }

    # The heads the proxy has received so far. A CONNECT is recorded before the client gets its answer,
    # so after a finished lookup nothing is still on its way.
    function Get-ProxyLog { @($ProxyState.Heads.ToArray()) }

    # The child's lookup: prints OK=<username> or FQID=<error id> and MSG=<message>, never throws.
    $script:ChildLookup = @'
try {
    $user = Get-KonbiniTikTokUser -Username USERNAME -ErrorAction Stop
    'OK=' + $user.Username
}
catch { 'FQID=' + $_.FullyQualifiedErrorId; 'MSG=' + $_.Exception.Message }
'@
}

AfterAll {
    if ($ProxyListener) { $ProxyListener.Stop() }
    if ($ProxyShell) {
        if ($ProxyRun -and -not $ProxyRun.AsyncWaitHandle.WaitOne(5000)) { $ProxyShell.Stop() }
        $ProxyShell.Dispose()
    }
    Stop-TestSuite
}

Describe 'Proxy' {
    BeforeEach {
        Clear-ProxyLog
        $ProxyState.RequireAuth = $false
        Reset-Emulator
        Set-KonbiniApiKey -ApiKey (ConvertTo-TestSecureString $Key)
    }

    Context '-Proxy with an https base URI' {
        It 'tunnels with CONNECT api.konbini.invalid:443 and the proxy never sees the key' {
            Set-KonbiniConfiguration -BaseUri $HttpsBase -Proxy $ProxyUri -RetryCount 0 -TimeoutSec 10 -ErrorAction Stop
            $user = Get-KonbiniTikTokUser -Username viaproxy -ErrorVariable failed -ErrorAction SilentlyContinue
            $user | Should -BeNullOrEmpty
            @($failed) | Should -HaveCount 1

            $heads = Get-ProxyLog
            $heads | Should -Not -BeNullOrEmpty
            $heads | ForEach-Object { ($_ -split "`r`n")[0] } | Should -Match '^CONNECT api\.konbini\.invalid:443 HTTP/1\.1$'
            ($heads -join "`n") | Should -Not -Match ([regex]::Escape($Key))
            ($heads -join "`n") | Should -Not -Match '(?im)^Authorization:'
        }

        It '-ProxyCredential answers the 407 challenge with Proxy-Authorization: Basic dTpw' {
            $ProxyState.RequireAuth = $true
            $credential = [pscredential]::new('u', (ConvertTo-SecureString 'p' -AsPlainText -Force))
            Set-KonbiniConfiguration -BaseUri $HttpsBase -Proxy $ProxyUri -ProxyCredential $credential -RetryCount 0 -TimeoutSec 10 -ErrorAction Stop
            $null = Get-KonbiniTikTokUser -Username viaauthproxy -ErrorVariable failed -ErrorAction SilentlyContinue
            @($failed) | Should -HaveCount 1

            $heads = Get-ProxyLog
            $heads.Count | Should -BeGreaterOrEqual 2
            $heads[0] | Should -Match '^CONNECT api\.konbini\.invalid:443 '
            $heads[0] | Should -Not -Match '(?im)^Proxy-Authorization:'
            $answered = @($heads | Select-Object -Skip 1 | Where-Object { $_ -match '(?im)^Proxy-Authorization: Basic dTpw\s*$' })
            $answered | Should -Not -BeNullOrEmpty
            $answered[0] | Should -Match '^CONNECT api\.konbini\.invalid:443 '
            ($heads -join "`n") | Should -Not -Match ([regex]::Escape($Key))
        }
    }

    Context 'HTTPS_PROXY in a new process (no -Proxy configured)' {
        It 'the system proxy takes HTTPS_PROXY: the proxy sees the CONNECT' {
            $script = "Set-KonbiniConfiguration -BaseUri '$HttpsBase' -RetryCount 0 -TimeoutSec 10`n" + $ChildLookup.Replace('USERNAME', 'envproxy')
            $child = Invoke-TestPwsh -ImportModule $script -Environment @{ HTTPS_PROXY = $ProxyUri; KONBINI_API_KEY = $Key }
            $child.StdErr | Should -BeNullOrEmpty
            $child.StdOut | Should -Not -Match 'OK='
            $child.StdOut | Should -Match 'FQID='
            $heads = Get-ProxyLog
            $heads | Should -Not -BeNullOrEmpty
            $heads | ForEach-Object { ($_ -split "`r`n")[0] } | Should -Match '^CONNECT api\.konbini\.invalid:443 '
            ($heads -join "`n") | Should -Not -Match ([regex]::Escape($Key))
        }

        It 'with -NoProxy the proxy sees nothing (the lookup fails on its own: .invalid does not resolve)' {
            $script = "Set-KonbiniConfiguration -BaseUri '$HttpsBase' -RetryCount 0 -TimeoutSec 10 -NoProxy`n" + $ChildLookup.Replace('USERNAME', 'envnoproxy')
            $child = Invoke-TestPwsh -ImportModule $script -Environment @{ HTTPS_PROXY = $ProxyUri; KONBINI_API_KEY = $Key }
            $child.StdErr | Should -BeNullOrEmpty
            $child.StdOut | Should -Match 'FQID='
            Get-ProxyLog | Should -BeNullOrEmpty
        }
    }

    Context 'plain http to this machine never goes through a proxy (the key would travel in clear text)' {
        It 'with -Proxy: the lookup goes straight to the emulator and the proxy sees nothing' {
            Set-KonbiniConfiguration -BaseUri $Emulator.BaseUri -Proxy $ProxyUri -RetryCount 0 -TimeoutSec 10 -ErrorAction Stop
            $user = Get-KonbiniTikTokUser -Username plainhttp -ErrorVariable failed -ErrorAction SilentlyContinue
            # Request lines only: a failure message must not print the Authorization header the proxy got.
            Get-ProxyLog | ForEach-Object { ($_ -split "`r`n")[0] } | Should -BeNullOrEmpty -Because 'a plain-http request through a proxy carries the key in clear text'
            @($failed) | Should -HaveCount 0
            $user.Username | Should -Be 'plainhttp'
            @(Get-UserRequest plainhttp) | Should -HaveCount 1
        }

        It 'with HTTP_PROXY in a new process: the lookup goes straight to the emulator and the proxy sees nothing' {
            $script = "Set-KonbiniConfiguration -BaseUri '$($Emulator.BaseUri)' -RetryCount 0 -TimeoutSec 10`n" + $ChildLookup.Replace('USERNAME', 'plainenv')
            # Both spellings (a case-sensitive dictionary): .NET reads http_proxy first, HTTP_PROXY otherwise.
            $variables = [System.Collections.Generic.Dictionary[string, string]]::new([StringComparer]::Ordinal)
            $variables['HTTP_PROXY'] = $ProxyUri
            $variables['http_proxy'] = $ProxyUri
            $variables['KONBINI_API_KEY'] = $Key
            $child = Invoke-TestPwsh -ImportModule $script -Environment $variables
            $child.StdErr | Should -BeNullOrEmpty
            Get-ProxyLog | ForEach-Object { ($_ -split "`r`n")[0] } | Should -BeNullOrEmpty -Because 'a plain-http request through a proxy carries the key in clear text'
            $child.StdOut | Should -Match 'OK=plainenv'
            @(Get-UserRequest plainenv) | Should -HaveCount 1
        }
    }
}
