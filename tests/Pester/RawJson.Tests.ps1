#Requires -Version 7.0
# -Raw's conversion of the API's JSON into PowerShell objects, at the edge where PowerShell objects cannot
# follow JSON: member names that differ only in case (or repeat), and strings that are not UTF-8. No emulator
# route sends such JSON, so the converter is called directly, as every cmdlet's -Raw and Invoke-KonbiniApi do.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'KonbiniTest.psd1') -Force
    $null = Start-TestSuite -NoEmulator
    $assembly = (Get-Command Get-KonbiniTikTokUser).ImplementingType.Assembly
    $script:Converter = $assembly.GetType('KonbiniApi.Output.RawJson', $true).GetMethod('ToPowerShell')

    function script:ConvertFrom-RawJson([byte[]] $Utf8) {
        $document = [System.Text.Json.JsonDocument]::Parse([ReadOnlyMemory[byte]]::new($Utf8))
        try {
            $Converter.Invoke($null, @($document.RootElement, '/v1/tiktok/videos/1', 'data.orderedItems[2]'))
        }
        catch {
            # Called through reflection from PowerShell, the converter's own exception is two wrappers deep.
            $inner = $_.Exception
            while ($inner -and $inner.GetType().Name -ne 'KonbiniApiException') { $inner = $inner.InnerException }
            if ($inner) { throw $inner }
            throw
        }
        finally {
            $document.Dispose()
        }
    }

    function script:Get-Failure([string] $Json) {
        try {
            $null = ConvertFrom-RawJson ([Text.Encoding]::UTF8.GetBytes($Json))
        }
        catch {
            return $_.Exception
        }
        throw "The JSON converted without a failure: $Json"
    }
}

AfterAll {
    Stop-TestSuite
}

Describe '-Raw conversion' {
    It 'gives what ConvertFrom-Json gives for ordinary JSON' {
        $json = '{"id":"7","count":9007199254740993,"ratio":0.5,"tags":["a","b"],"author":{"name":"x","bio":null},"live":false}'
        $object = ConvertFrom-RawJson ([Text.Encoding]::UTF8.GetBytes($json))
        $object.count | Should -Be 9007199254740993
        $object.count | Should -BeOfType [long]
        $object.tags | Should -Be @('a', 'b')
        $object.author.name | Should -Be 'x'
        $object | ConvertTo-Json -Compress -Depth 5 | Should -Be $json
    }

    It 'refuses members whose names differ only in case as an InvalidResponse that names both and where they are' {
        $failure = Get-Failure '{"author":{"name":"x","tags":[{"url":"u"},{"Url":"v","url":"w"}]}}'
        $failure.GetType().Name | Should -Be 'KonbiniApiException'
        $failure.Kind | Should -Be 'InvalidResponse'
        $failure.RequestPath | Should -Be '/v1/tiktok/videos/1'
        $failure.Message | Should -BeLike "*data.orderedItems[[]2].author.tags[[]1] holds the members 'Url' and 'url'*"
    }

    It 'refuses a member that repeats' {
        $failure = Get-Failure '{"id":"1","id":"2"}'
        $failure.Kind | Should -Be 'InvalidResponse'
        $failure.Message | Should -BeLike "*data.orderedItems[[]2] holds the member 'id' twice*"
    }

    It 'refuses text that is not UTF-8 as an InvalidResponse that names the member' {
        $bytes = [Text.Encoding]::ASCII.GetBytes('{"bio":"ab"}')
        $bytes = $bytes[0..8] + [byte] 0xC3 + [byte] 0x28 + $bytes[9..11]
        $failure = try { $null = ConvertFrom-RawJson $bytes; $null } catch { $_.Exception }
        $failure | Should -Not -BeNullOrEmpty
        $failure.Kind | Should -Be 'InvalidResponse'
        $failure.Message | Should -BeLike '*data.orderedItems[[]2].bio holds text that is not valid UTF-8*'
    }
}
