#Requires -Version 7.0
# The built module explains itself: every exported cmdlet has MAML help with a synopsis, a description,
# every parameter described and at least two examples whose code parses; about_KonbiniApi is there and
# keeps up with the module's ErrorIds. Runs against the module build.ps1 assembled (KONBINI_TEST_MODULE).

BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'KonbiniTest.psd1') -Force
    $manifest = Import-PowerShellDataFile (Get-TestModulePath)
    $module = Import-TestModule
    $common = [System.Management.Automation.PSCmdlet]::CommonParameters
    $script:Cmdlets = foreach ($name in $manifest.CmdletsToExport) {
        $command = Get-Command -Name $name -Module $module.Name -ErrorAction SilentlyContinue
        $parameters = if ($command) { @($command.Parameters.Keys | Where-Object { $_ -notin $common } | Sort-Object) } else { @() }
        @{ Name = $name; Parameters = $parameters }
    }
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'KonbiniTest.psd1') -Force
    $script:Module = (Start-TestSuite -NoEmulator).Module
    $script:HelpFolder = Join-Path $Module.ModuleBase 'en-US'
    $script:DocsFolder = Join-Path (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path 'docs/en-US'

    # Reads the '### -Name' sections under '## PARAMETERS' of a cmdlet's markdown page into
    # @{ Name = @{ Type; Aliases; Pipeline } } from each section's yaml block.
    function Get-MarkdownParameters([string] $Path) {
        $text = (Get-Content -Raw $Path) -replace "`r`n", "`n"
        $section = [regex]::Match($text, '(?ms)^## PARAMETERS\n(.*?)(?=^## )').Groups[1].Value
        $result = [ordered]@{}
        foreach ($m in [regex]::Matches($section, '(?ms)^### -(\S+)\n.*?^```yaml\n(.*?)^```')) {
            $fields = @{}
            foreach ($line in $m.Groups[2].Value -split "`n") {
                if ($line -match '^([^:]+):\s*(.*)$') { $fields[$Matches[1].Trim()] = $Matches[2].Trim() }
            }
            $result[$m.Groups[1].Value] = $fields
        }
        return $result
    }

    # The markdown spelling of how a parameter takes pipeline input: 'False' or 'True (ByPropertyName, ByValue)'.
    function Get-PipelineText([System.Management.Automation.ParameterMetadata] $Parameter) {
        $attributes = @($Parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] })
        $ways = @(
            if ($attributes.ValueFromPipelineByPropertyName -contains $true) { 'ByPropertyName' }
            if ($attributes.ValueFromPipeline -contains $true) { 'ByValue' }
        )
        if ($ways.Count -eq 0) { return 'False' }
        return 'True (' + ($ways -join ', ') + ')'
    }

    # The type name the markdown shows: the .NET short name, with Nullable<T> shown as T.
    function Get-TypeText([type] $Type) {
        $underlying = [Nullable]::GetUnderlyingType($Type)
        if ($underlying) { return $underlying.Name }
        return $Type.Name
    }
}

AfterAll {
    Stop-TestSuite
}

Describe 'Help files in the built module' {
    It 'has the MAML file next to the dll, in the namespace Get-Help reads' {
        $maml = Join-Path $HelpFolder 'KonbiniApi.dll-Help.xml'
        $maml | Should -Exist
        [xml] $xml = Get-Content -Raw $maml
        $xml.DocumentElement.LocalName | Should -Be 'helpItems'
        $xml.DocumentElement.NamespaceURI | Should -Be 'http://msh'
        $commands = @($xml.DocumentElement.ChildNodes | Where-Object { $_.LocalName -eq 'command' })
        $commands | ForEach-Object NamespaceURI | Sort-Object -Unique | Should -Be 'http://schemas.microsoft.com/maml/dev/command/2004/10'
    }

    It 'exports every cmdlet the assembly declares, so a new cmdlet cannot be forgotten in the manifest' {
        $declared = @([KonbiniApi.Commands.GetKonbiniCreditCommand].Assembly.GetTypes() |
                ForEach-Object { $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false) } |
                ForEach-Object { "$($_.VerbName)-$($_.NounName)" })
        $declared.Count | Should -BeGreaterThan 10
        Compare-Object ($declared | Sort-Object) (@($Module.ExportedCmdlets.Keys) | Sort-Object) | Should -BeNullOrEmpty
    }

    It 'documents exactly the exported cmdlets' {
        [xml] $xml = Get-Content -Raw (Join-Path $HelpFolder 'KonbiniApi.dll-Help.xml')
        $documented = @($xml.DocumentElement.ChildNodes | Where-Object { $_.LocalName -eq 'command' } | ForEach-Object { $_.details.name.Trim() })
        $exported = @($Module.ExportedCmdlets.Keys)
        Compare-Object ($documented | Sort-Object) ($exported | Sort-Object) | Should -BeNullOrEmpty
    }
}

Describe 'Get-Help <Name>' -ForEach $Cmdlets {
    BeforeAll {
        $script:Command = Get-Command -Name $Name -Module KonbiniApi -ErrorAction SilentlyContinue
        $script:Help = Get-Help -Name $Name -Full
    }

    It 'is a cmdlet the module exports' {
        $Command | Should -Not -BeNullOrEmpty -Because 'the manifest lists it in CmdletsToExport'
        $Command.CommandType | Should -Be 'Cmdlet'
    }

    It 'has a synopsis written for people, not the generated syntax line' {
        $synopsis = "$($Help.Synopsis)".Trim()
        $synopsis | Should -Not -BeNullOrEmpty
        # Without MAML, Get-Help falls back to the syntax ("Get-Foo [-Bar] <String> ...") as the synopsis.
        $synopsis | Should -Not -BeLike "$Name *"
        $synopsis | Should -Not -Match '<CommonParameters>'
    }

    It 'has a description' {
        $text = ($Help.description | ForEach-Object Text) -join "`n"
        $text.Trim().Length | Should -BeGreaterThan 80
    }

    It 'describes parameter -<_>' -ForEach $Parameters {
        $parameter = $Help.parameters.parameter | Where-Object name -EQ $_
        $parameter | Should -Not -BeNullOrEmpty -Because "-$_ is a parameter of $Name"
        $text = ($parameter.description | ForEach-Object Text) -join "`n"
        $text.Trim() | Should -Not -BeNullOrEmpty -Because "-$_ needs a description"
    }

    It 'documents no parameter the cmdlet does not have' {
        $documented = @($Help.parameters.parameter | Where-Object { $_ } | ForEach-Object name)
        $documented | Where-Object { $_ -notin $Command.Parameters.Keys } | Should -BeNullOrEmpty
    }

    It 'documents in docs/en-US/<Name>.md exactly the parameters the cmdlet has' {
        $markdown = Get-MarkdownParameters (Join-Path $DocsFolder "$Name.md")
        $real = @($Command.Parameters.Keys | Where-Object { $_ -notin [System.Management.Automation.PSCmdlet]::CommonParameters })
        @($markdown.Keys | Where-Object { $_ -notin $real }) | Should -BeNullOrEmpty -Because 'every documented parameter must exist'
        @($real | Where-Object { $_ -notin $markdown.Keys }) | Should -BeNullOrEmpty -Because 'every real parameter must be documented'
    }

    It 'documents -<_> with the real type, pipeline input and aliases' -ForEach $Parameters {
        $markdown = Get-MarkdownParameters (Join-Path $DocsFolder "$Name.md")
        $real = $Command.Parameters[$_]
        $doc = $markdown[$_]
        $doc | Should -Not -BeNullOrEmpty -Because "-$_ needs a section with a yaml block in $Name.md"
        $doc['Type'] | Should -BeExactly (Get-TypeText $real.ParameterType) -Because "-$_ is a $($real.ParameterType.FullName)"
        $doc['Accept pipeline input'] | Should -BeExactly (Get-PipelineText $real) -Because "that is how -$_ binds from the pipeline"
        $documentedAliases = @("$($doc['Aliases'])" -split ',' | ForEach-Object Trim | Where-Object { $_ } | Sort-Object)
        ($documentedAliases -join ',') | Should -BeExactly ((@($real.Aliases) | Sort-Object) -join ',') -Because "those are the aliases of -$_"
    }

    It 'shows every parameter set in its syntax' {
        $syntaxItems = @($Help.syntax.syntaxItem)
        $syntaxItems.Count | Should -Be @($Command.ParameterSets).Count
    }

    It 'agrees with the cmdlet on mandatory parameters and positions' {
        foreach ($set in $Command.ParameterSets) {
            $item = @($Help.syntax.syntaxItem) | Where-Object {
                $names = @($_.parameter | Where-Object { $_ } | ForEach-Object name | Sort-Object) -join ','
                $wanted = @($set.Parameters | Where-Object { $_.Name -notin [System.Management.Automation.PSCmdlet]::CommonParameters } | ForEach-Object Name | Sort-Object) -join ','
                $names -eq $wanted
            } | Select-Object -First 1
            $item | Should -Not -BeNullOrEmpty -Because "the syntax should list the parameters of set '$($set.Name)'"
            foreach ($p in $set.Parameters | Where-Object { $_.Name -notin [System.Management.Automation.PSCmdlet]::CommonParameters }) {
                $documented = $item.parameter | Where-Object name -EQ $p.Name
                [bool]::Parse($documented.required) | Should -Be $p.IsMandatory -Because "-$($p.Name) in set '$($set.Name)'"
                $position = if ($p.Position -ge 0) { "$($p.Position)" } else { 'named' }
                $documented.position | Should -Be $position -Because "-$($p.Name) in set '$($set.Name)'"
            }
        }
    }

    It 'has at least two examples, each with an explanation' {
        $examples = @($Help.examples.example)
        $examples.Count | Should -BeGreaterOrEqual 2
        foreach ($example in $examples) {
            $example.code.Trim() | Should -Not -BeNullOrEmpty
            (($example.remarks | ForEach-Object Text) -join '').Trim() | Should -Not -BeNullOrEmpty -Because "'$($example.title)' needs an explanation"
        }
    }

    It 'has examples whose code parses' {
        foreach ($example in @($Help.examples.example)) {
            $tokens = $errors = $null
            $null = [System.Management.Automation.Language.Parser]::ParseInput($example.code, [ref] $tokens, [ref] $errors)
            $errors | Should -BeNullOrEmpty -Because "the code of '$($example.title.Trim('- '))' must be valid PowerShell"
        }
    }

    It 'uses the cmdlet in at least one example' {
        (@($Help.examples.example.code) -join "`n") | Should -Match ([regex]::Escape($Name)) -Because 'one example should run the cmdlet'
    }

    It 'names its output types' {
        $Help.returnValues | Should -Not -BeNullOrEmpty
    }
}

Describe 'about_KonbiniApi' {
    BeforeAll {
        $script:About = Get-Help -Name about_KonbiniApi | Out-String
    }

    It 'is installed beside the MAML file' {
        Join-Path $HelpFolder 'about_KonbiniApi.help.txt' | Should -Exist
    }

    It 'is found by Get-Help' {
        $About | Should -Match 'TOPIC\s+about_KonbiniApi'
        $About | Should -Match 'SHORT DESCRIPTION'
        $About | Should -Match 'LONG DESCRIPTION'
    }

    It 'names every exported cmdlet' {
        foreach ($name in $Module.ExportedCmdlets.Keys) { $About | Should -Match ([regex]::Escape($name)) }
    }

    It 'covers <_>' -ForEach @(
        'KONBINI_API_KEY', 'SecureString', 'DPAPI', 'XDG_CONFIG_HOME', 'SecretManagement',
        'ThrottleLimit', 'MaxCredits', 'refunded', 'jitter', 'emulator', 'knbn_emulator',
        'ForEach-Object -Parallel', '$using:key', 'Start-Job'
    ) {
        $About | Should -BeLike "*$_*"
    }

    It 'lists every ErrorId the API errors can have' {
        Add-Type -Path (Join-Path $Module.ModuleBase 'KonbiniApi.Core.dll')
        foreach ($kind in [Enum]::GetValues([KonbiniApi.Errors.ApiErrorKind])) {
            $errorId = [KonbiniApi.Errors.ApiErrorCatalog]::ErrorId($kind)
            $About | Should -Match ([regex]::Escape($errorId) + '\b') -Because "about_KonbiniApi should explain $errorId"
        }
    }

    It 'keeps its lines within 80 columns, except code' {
        $lines = Get-Content (Join-Path $HelpFolder 'about_KonbiniApi.help.txt')
        $long = $lines | Where-Object { $_.Length -gt 80 -and $_ -notmatch '^ {8}' }
        $long | Should -BeNullOrEmpty
    }
}

Describe 'PowerShell code in the markdown docs' {
    BeforeDiscovery {
        $root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
        $script:Blocks = foreach ($file in @(Get-ChildItem (Join-Path $root 'docs/en-US') -Filter *.md) + @(Get-Item (Join-Path $root 'README.md'))) {
            $text = Get-Content -Raw $file.FullName
            $n = 0
            foreach ($m in [regex]::Matches($text, '(?ms)^```powershell\r?\n(.*?)^```')) {
                $n++
                @{ File = $file.Name; Index = $n; Code = $m.Groups[1].Value }
            }
        }
    }

    It '<File> block <Index> parses' -ForEach $Blocks {
        $tokens = $errors = $null
        $null = [System.Management.Automation.Language.Parser]::ParseInput($Code, [ref] $tokens, [ref] $errors)
        $errors | Should -BeNullOrEmpty
    }
}
