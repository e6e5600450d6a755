#Requires -Version 7.0
<#
.SYNOPSIS
    Turns the module's markdown help (docs/en-US) into the files Get-Help reads: MAML for the cmdlets,
    plain text for the about_ topics.

.DESCRIPTION
    A small, dependency-free generator for the project's own help. It reads the platyPS-style layout the
    docs use (YAML front matter, # Name, ## SYNOPSIS ... ## RELATED LINKS, one ### -Parameter heading per
    parameter with a yaml block of its attributes) and writes:

      - one MAML file (KonbiniApi.dll-Help.xml) holding a command:command element per cmdlet page, with
        details, description, syntax (one syntaxItem per parameter set), parameters, inputTypes,
        returnValues, alertSet (NOTES), examples and relatedLinks;
      - one about_<Topic>.help.txt per about_<Topic>.md, as wrapped, indented plain text.

    The markdown rules it understands are deliberately few: headings, fenced code blocks, paragraphs,
    '-' or '*' lists, pipe tables, and inline `code`, **bold**, *italic* and [text](link), which are
    flattened to plain text. Anything it cannot place (a page without # Name, a parameter without a yaml
    block, a syntax set no parameter belongs to) stops it with an error that names the file, so broken
    help never ships silently.

.PARAMETER DocsPath
    The folder of markdown help, e.g. docs/en-US.

.PARAMETER OutputPath
    Where to write. A path ending in .xml names the MAML file, and the about_ text files go beside it;
    any other path is a folder that receives <ModuleName>.dll-Help.xml and the about_ files.

.EXAMPLE
    ./tools/New-MamlHelp.ps1 -DocsPath docs/en-US -OutputPath out/KonbiniApi/en-US/KonbiniApi.dll-Help.xml
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)]
    [Alias('Path')]
    [string] $DocsPath,

    [Parameter(Mandatory)]
    [string] $OutputPath
)

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'

$Ns = @{
    msh     = 'http://msh'
    maml    = 'http://schemas.microsoft.com/maml/2004/10'
    command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
    dev     = 'http://schemas.microsoft.com/maml/dev/2004/10'
    MSHelp  = 'http://msdn.microsoft.com/mshelp'
}

#region Markdown

# Splits a markdown file into its front matter (a hashtable) and a flat list of blocks:
# Heading (Level, Text), Code (Lang, Text), Para (Text), List (Items), Table (Rows; the first is the header).
function Read-MarkdownFile([string] $File) {
    $lines = [IO.File]::ReadAllLines($File)
    $front = [ordered]@{}
    $i = 0
    if ($lines.Count -gt 0 -and $lines[0].Trim() -eq '---') {
        $i = 1
        while ($i -lt $lines.Count -and $lines[$i].Trim() -ne '---') {
            if ($lines[$i] -match '^\s*([^:#][^:]*):\s*(.*)$') { $front[$Matches[1].Trim()] = $Matches[2].Trim() }
            $i++
        }
        if ($i -ge $lines.Count) { throw "${File}: the front matter opened with '---' is never closed." }
        $i++
    }

    $blocks = [System.Collections.Generic.List[object]]::new()
    $para = [System.Collections.Generic.List[string]]::new()
    $flushPara = {
        if ($para.Count -gt 0) {
            $blocks.Add([pscustomobject]@{ Kind = 'Para'; Text = ($para -join ' ') })
            $para.Clear()
        }
    }

    while ($i -lt $lines.Count) {
        $line = $lines[$i]
        if ($line -match '^(\s*)(```+|~~~+)\s*([\w-]*)\s*$') {
            & $flushPara
            $indent = $Matches[1].Length
            $fence = $Matches[2]
            $lang = $Matches[3]
            $body = [System.Collections.Generic.List[string]]::new()
            $i++
            while ($i -lt $lines.Count -and $lines[$i].Trim() -ne $fence) {
                $text = $lines[$i]
                if ($indent -gt 0 -and $text.Length -ge $indent -and $text.Substring(0, $indent).Trim() -eq '') { $text = $text.Substring($indent) }
                $body.Add($text)
                $i++
            }
            if ($i -ge $lines.Count) { throw "${File}: a code block opened with $fence is never closed." }
            $blocks.Add([pscustomobject]@{ Kind = 'Code'; Lang = $lang; Text = ($body -join "`n") })
            $i++
            continue
        }
        if ($line -match '^(#{1,6})\s+(.*?)\s*#*\s*$') {
            & $flushPara
            $blocks.Add([pscustomobject]@{ Kind = 'Heading'; Level = $Matches[1].Length; Text = $Matches[2] })
            $i++
            continue
        }
        if ($line -match '^\s*\|.*\|\s*$') {
            & $flushPara
            $rows = [System.Collections.Generic.List[object]]::new()
            while ($i -lt $lines.Count -and $lines[$i] -match '^\s*\|.*\|\s*$') {
                $cells = Split-TableRow $lines[$i]
                # The |---|---| rule under the header carries no content.
                if (-not (($cells | Where-Object { $_ -notmatch '^:?-{2,}:?$' }))) { $i++; continue }
                $rows.Add($cells)
                $i++
            }
            $blocks.Add([pscustomobject]@{ Kind = 'Table'; Rows = $rows.ToArray() })
            continue
        }
        if ($line -match '^\s{0,3}([-*]|\d+\.)\s+(.*)$') {
            & $flushPara
            $items = [System.Collections.Generic.List[string]]::new()
            $ordered = $Matches[1] -match '^\d'
            while ($i -lt $lines.Count) {
                $l = $lines[$i]
                if ($l -match '^\s{0,3}([-*]|\d+\.)\s+(.*)$') { $items.Add($Matches[2].Trim()) }
                elseif ($l -match '^\s{2,}\S' -and $items.Count -gt 0) { $items[$items.Count - 1] += ' ' + $l.Trim() }
                else { break }
                $i++
            }
            $blocks.Add([pscustomobject]@{ Kind = 'List'; Ordered = $ordered; Items = $items.ToArray() })
            continue
        }
        if ($line.Trim() -eq '') { & $flushPara; $i++; continue }
        $para.Add($line.Trim())
        $i++
    }
    & $flushPara
    return [pscustomobject]@{ File = $File; Front = $front; Blocks = $blocks.ToArray() }
}

function Split-TableRow([string] $Line) {
    $inner = $Line.Trim()
    $inner = $inner.Substring(1, $inner.Length - 2)
    # A pipe inside `code` or escaped as \| belongs to the cell.
    $cells = [System.Collections.Generic.List[string]]::new()
    $current = [System.Text.StringBuilder]::new()
    $inCode = $false
    for ($k = 0; $k -lt $inner.Length; $k++) {
        $c = $inner[$k]
        if ($c -eq '\' -and $k + 1 -lt $inner.Length -and $inner[$k + 1] -eq '|') { $null = $current.Append('|'); $k++; continue }
        if ($c -eq '`') { $inCode = -not $inCode }
        if ($c -eq '|' -and -not $inCode) { $cells.Add($current.ToString().Trim()); $null = $current.Clear(); continue }
        $null = $current.Append($c)
    }
    $cells.Add($current.ToString().Trim())
    return , $cells.ToArray()
}

# Inline markdown to plain text: `code` keeps its text, emphasis marks go, links become "text (address)".
function ConvertTo-PlainText([string] $Text) {
    $t = [regex]::Replace($Text, '\[([^\]]+)\]\(([^)\s]+)\)', {
            param($m)
            $label = $m.Groups[1].Value
            $target = $m.Groups[2].Value
            # Links to sibling help pages read best as the command or topic name alone.
            if ($target -match '\.md(#.*)?$' -or $target -eq $label) { return $label }
            return "$label ($target)"
        })
    $t = [regex]::Replace($t, '`([^`]+)`', '$1')
    $t = [regex]::Replace($t, '(\*\*|__)(.+?)\1', '$2')
    $t = [regex]::Replace($t, '(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])', '$1')
    $t = $t -replace '\\([\\`*_{}\[\]()#+\-.!|<>])', '$1'
    return $t
}

# Renders a table as aligned text when it fits in $Width columns; otherwise one entry per row, with
# the other cells as "Header: value" lines under the first.
function Format-TableText([object[]] $Rows, [int] $Width) {
    $plain = foreach ($r in $Rows) { , @($r | ForEach-Object { ConvertTo-PlainText $_ }) }
    $columns = ($plain | ForEach-Object { $_.Count } | Measure-Object -Maximum).Maximum
    $widths = foreach ($c in 0..($columns - 1)) {
        ($plain | ForEach-Object { if ($c -lt $_.Count) { $_[$c].Length } else { 0 } } | Measure-Object -Maximum).Maximum
    }
    $total = ($widths | Measure-Object -Sum).Sum + 2 * ($columns - 1)
    $out = [System.Collections.Generic.List[string]]::new()
    if ($total -le $Width) {
        for ($r = 0; $r -lt $plain.Count; $r++) {
            $cells = for ($c = 0; $c -lt $columns; $c++) {
                $v = if ($c -lt $plain[$r].Count) { $plain[$r][$c] } else { '' }
                $v.PadRight($widths[$c])
            }
            $out.Add(($cells -join '  ').TrimEnd())
            if ($r -eq 0) { $out.Add((($widths | ForEach-Object { '-' * $_ }) -join '  ')) }
        }
        return [pscustomobject]@{ Aligned = $true; Lines = $out.ToArray() }
    }
    # Too wide: keep the first columns and wrap the last one into the room left, when that is enough.
    $room = $Width - $total + $widths[$columns - 1]
    if ($columns -gt 1 -and $room -ge 20) {
        for ($r = 0; $r -lt $plain.Count; $r++) {
            $lead = for ($c = 0; $c -lt $columns - 1; $c++) {
                $v = if ($c -lt $plain[$r].Count) { $plain[$r][$c] } else { '' }
                $v.PadRight($widths[$c])
            }
            $prefix = ($lead -join '  ') + '  '
            $last = if ($columns - 1 -lt $plain[$r].Count) { $plain[$r][$columns - 1] } else { '' }
            $wrapped = @(Format-Wrapped $last 0 $room)
            if ($wrapped.Count -eq 0) { $wrapped = @('') }
            $out.Add(($prefix + $wrapped[0]).TrimEnd())
            foreach ($more in $wrapped | Select-Object -Skip 1) { $out.Add((' ' * $prefix.Length) + $more) }
            if ($r -eq 0) {
                $rule = @($widths | Select-Object -First ($columns - 1) | ForEach-Object { '-' * $_ }) + @('-' * [Math]::Min($room, $widths[$columns - 1]))
                $out.Add($rule -join '  ')
            }
        }
        return [pscustomobject]@{ Aligned = $true; Lines = $out.ToArray() }
    }
    $header = $plain[0]
    $entries = foreach ($row in $plain | Select-Object -Skip 1) {
        $fields = for ($c = 1; $c -lt $row.Count; $c++) {
            if ($row[$c]) { [pscustomobject]@{ Label = $header[$c]; Value = $row[$c] } }
        }
        [pscustomobject]@{ Title = $row[0]; Fields = @($fields) }
    }
    return [pscustomobject]@{ Aligned = $false; Entries = @($entries) }
}

function Format-Wrapped([string] $Text, [int] $Indent, [int] $Width, [int] $HangingIndent = -1) {
    if ($HangingIndent -lt 0) { $HangingIndent = $Indent }
    $words = $Text -split '\s+' | Where-Object { $_ }
    $lines = [System.Collections.Generic.List[string]]::new()
    $current = ' ' * $Indent
    $hasWord = $false
    foreach ($w in $words) {
        if ($hasWord -and $current.Length + 1 + $w.Length -gt $Width) {
            $lines.Add($current)
            $current = (' ' * $HangingIndent) + $w
        }
        elseif ($hasWord) { $current += ' ' + $w }
        else { $current += $w }
        $hasWord = $true
    }
    if ($hasWord) { $lines.Add($current) }
    return $lines.ToArray()
}

#endregion

#region Cmdlet pages

# Groups a cmdlet page's blocks under their ## section and ### subsection.
function Read-CmdletPage([object] $Doc) {
    $name = $null
    $sections = [ordered]@{}
    $section = $null
    foreach ($b in $Doc.Blocks) {
        if ($b.Kind -eq 'Heading' -and $b.Level -eq 1) { $name = $b.Text.Trim(); continue }
        if ($b.Kind -eq 'Heading' -and $b.Level -eq 2) {
            $section = $b.Text.Trim().ToUpperInvariant()
            $sections[$section] = [System.Collections.Generic.List[object]]::new()
            continue
        }
        if ($null -eq $section) { continue }
        $sections[$section].Add($b)
    }
    if (-not $name) { throw "$($Doc.File): no '# Command-Name' heading." }
    foreach ($required in 'SYNOPSIS', 'SYNTAX', 'DESCRIPTION', 'EXAMPLES', 'PARAMETERS') {
        if (-not $sections.Contains($required)) { throw "$($Doc.File): no '## $required' section." }
    }
    return [pscustomobject]@{ Name = $name; File = $Doc.File; Front = $Doc.Front; Sections = $sections }
}

# Splits a section's blocks at its ### headings: a list of @{ Title; Blocks }, plus the blocks before the first.
function Split-Subsections([object[]] $Blocks) {
    $intro = [System.Collections.Generic.List[object]]::new()
    $subs = [System.Collections.Generic.List[object]]::new()
    $current = $null
    foreach ($b in $Blocks) {
        if ($b.Kind -eq 'Heading' -and $b.Level -eq 3) {
            $current = [pscustomobject]@{ Title = $b.Text.Trim(); Blocks = [System.Collections.Generic.List[object]]::new() }
            $subs.Add($current)
            continue
        }
        if ($current) { $current.Blocks.Add($b) } else { $intro.Add($b) }
    }
    return [pscustomobject]@{ Intro = $intro.ToArray(); Subsections = $subs.ToArray() }
}

# Text blocks (paragraphs, lists, tables, code) as the strings of maml:para elements.
function ConvertTo-Paragraphs([object[]] $Blocks) {
    foreach ($b in $Blocks) {
        switch ($b.Kind) {
            'Para' { ConvertTo-PlainText $b.Text }
            'List' {
                $n = 0
                foreach ($item in $b.Items) {
                    $n++
                    $bullet = if ($b.Ordered) { "$n." } else { '-' }
                    "$bullet $(ConvertTo-PlainText $item)"
                }
            }
            'Table' {
                $t = Format-TableText $b.Rows 100
                if ($t.Aligned) { $t.Lines -join "`n" }
                else {
                    foreach ($e in $t.Entries) {
                        ($(, $e.Title) + @($e.Fields | ForEach-Object { "    $($_.Label): $($_.Value)" })) -join "`n"
                    }
                }
            }
            'Code' { ($b.Text -split "`n" | ForEach-Object { "    $_" }) -join "`n" }
            'Heading' { ConvertTo-PlainText $b.Text }
        }
    }
}

function Read-YamlBlock([string] $Text, [string] $Where) {
    $map = [ordered]@{}
    foreach ($line in $Text -split "`n") {
        if ($line.Trim() -eq '') { continue }
        if ($line -notmatch '^([^:]+):\s*(.*)$') { throw "${Where}: cannot read the yaml line '$line'." }
        $map[$Matches[1].Trim()] = $Matches[2].Trim()
    }
    foreach ($key in 'Type', 'Parameter Sets', 'Required', 'Position', 'Accept pipeline input') {
        if (-not $map.Contains($key)) { throw "${Where}: the yaml block has no '$key'." }
    }
    return $map
}

function Read-Parameters([object] $Page) {
    $split = Split-Subsections $Page.Sections['PARAMETERS']
    foreach ($sub in $split.Subsections) {
        if ($sub.Title -eq 'CommonParameters') { continue }
        if ($sub.Title -notmatch '^-(\w+)$') { throw "$($Page.File): '### $($sub.Title)' under PARAMETERS is not '### -Name'." }
        $pname = $Matches[1]
        $where = "$($Page.File) -$pname"
        $yaml = @($sub.Blocks | Where-Object { $_.Kind -eq 'Code' -and $_.Lang -eq 'yaml' } | ForEach-Object { Read-YamlBlock $_.Text $where })
        if ($yaml.Count -eq 0) { throw "${where}: no yaml block with the parameter's attributes." }
        $text = @(ConvertTo-Paragraphs @($sub.Blocks | Where-Object { -not ($_.Kind -eq 'Code' -and $_.Lang -eq 'yaml') }))
        if ($text.Count -eq 0) { throw "${where}: the parameter has no description." }
        [pscustomobject]@{ Name = $pname; Description = $text; Attributes = $yaml }
    }
}

function Get-SetNames([System.Collections.Specialized.OrderedDictionary] $Attributes) {
    @($Attributes['Parameter Sets'] -split ',' | ForEach-Object { $_.Trim() } | Where-Object { $_ })
}

function Test-Truthy([string] $Value) { $Value -match '^\s*true\b' }

function Write-Paras([System.Xml.XmlWriter] $W, [string[]] $Paras) {
    $W.WriteStartElement('maml', 'description', $Ns.maml)
    if (-not $Paras -or $Paras.Count -eq 0) { $Paras = @('') }
    foreach ($p in $Paras) { $W.WriteElementString('maml', 'para', $Ns.maml, $p) }
    $W.WriteEndElement()
}

function Write-Parameter([System.Xml.XmlWriter] $W, [object] $Parameter, [System.Collections.Specialized.OrderedDictionary] $A, [bool] $InSyntax) {
    $type = $A['Type']
    $isSwitch = $type -match '^(System\.Management\.Automation\.)?SwitchParameter$'
    $position = if ($A['Position'] -match '^\d+$') { $A['Position'] } else { 'named' }
    $aliases = if ($A['Aliases'] -and $A['Aliases'] -ne 'None') { $A['Aliases'] } else { 'none' }
    $globbing = if ($A.Contains('Accept wildcard characters')) { (Test-Truthy $A['Accept wildcard characters']).ToString().ToLowerInvariant() } else { 'false' }
    $variableLength = ($type -match '\[\]$').ToString().ToLowerInvariant()

    $W.WriteStartElement('command', 'parameter', $Ns.command)
    $W.WriteAttributeString('required', (Test-Truthy $A['Required']).ToString().ToLowerInvariant())
    $W.WriteAttributeString('variableLength', $variableLength)
    $W.WriteAttributeString('globbing', $globbing)
    $W.WriteAttributeString('pipelineInput', $A['Accept pipeline input'])
    $W.WriteAttributeString('position', $position)
    $W.WriteAttributeString('aliases', $aliases)
    $W.WriteElementString('maml', 'name', $Ns.maml, $Parameter.Name)
    Write-Paras $W $Parameter.Description

    $accepted = @(if ($A.Contains('Accepted values')) { $A['Accepted values'] -split ',' | ForEach-Object { $_.Trim() } | Where-Object { $_ } })
    if ($accepted.Count -gt 0) {
        $W.WriteStartElement('command', 'parameterValueGroup', $Ns.command)
        foreach ($v in $accepted) {
            $W.WriteStartElement('command', 'parameterValue', $Ns.command)
            $W.WriteAttributeString('required', 'false')
            $W.WriteAttributeString('command', 'variableLength', $Ns.command, 'false')
            $W.WriteString($v)
            $W.WriteEndElement()
        }
        $W.WriteEndElement()
    }
    # A switch takes no value, so the syntax line shows it bare: [-Raw].
    if (-not ($isSwitch -and $InSyntax)) {
        $W.WriteStartElement('command', 'parameterValue', $Ns.command)
        $W.WriteAttributeString('required', (-not $isSwitch).ToString().ToLowerInvariant())
        $W.WriteAttributeString('variableLength', $variableLength)
        $W.WriteString($type)
        $W.WriteEndElement()
    }
    $W.WriteStartElement('dev', 'type', $Ns.dev)
    $W.WriteElementString('maml', 'name', $Ns.maml, $type)
    $W.WriteElementString('maml', 'uri', $Ns.maml, '')
    $W.WriteEndElement()
    $default = if ($A.Contains('Default value')) { $A['Default value'] } else { 'None' }
    $W.WriteElementString('dev', 'defaultValue', $Ns.dev, $default)
    $W.WriteEndElement()
}

# "### Set (Default)" headings and the code block under each; the parameter order on that line.
function Read-SyntaxSets([object] $Page) {
    $split = Split-Subsections $Page.Sections['SYNTAX']
    $sets = foreach ($sub in $split.Subsections) {
        $setName = ($sub.Title -replace '\s*\(Default\)\s*$', '').Trim()
        $code = ($sub.Blocks | Where-Object Kind -EQ 'Code' | Select-Object -First 1)
        $order = if ($code) { @([regex]::Matches($code.Text, '(?<![\w-])-(\w+)') | ForEach-Object { $_.Groups[1].Value }) } else { @() }
        [pscustomobject]@{ Name = $setName; Order = $order }
    }
    if (-not $sets) {
        # A page with a single set may give just the code block.
        $code = ($split.Intro | Where-Object Kind -EQ 'Code' | Select-Object -First 1)
        if (-not $code) { throw "$($Page.File): ## SYNTAX has neither '### SetName' headings nor a code block." }
        $sets = [pscustomobject]@{ Name = '__AllParameterSets'; Order = @([regex]::Matches($code.Text, '(?<![\w-])-(\w+)') | ForEach-Object { $_.Groups[1].Value }) }
    }
    return @($sets)
}

function Write-Command([System.Xml.XmlWriter] $W, [object] $Page) {
    $name = $Page.Name
    if ($name -notmatch '^(\w+)-(\w+)$') { throw "$($Page.File): '$name' is not a Verb-Noun command name." }
    $verb, $noun = $Matches[1], $Matches[2]
    $synopsis = @(ConvertTo-Paragraphs $Page.Sections['SYNOPSIS'])
    $description = @(ConvertTo-Paragraphs $Page.Sections['DESCRIPTION'])
    if (-not ($synopsis -join '').Trim()) { throw "$($Page.File): the SYNOPSIS is empty." }
    if (-not ($description -join '').Trim()) { throw "$($Page.File): the DESCRIPTION is empty." }
    $parameters = @(Read-Parameters $Page)
    $sets = Read-SyntaxSets $Page

    $W.WriteStartElement('command', 'command', $Ns.command)
    $W.WriteAttributeString('xmlns', 'maml', $null, $Ns.maml)
    $W.WriteAttributeString('xmlns', 'command', $null, $Ns.command)
    $W.WriteAttributeString('xmlns', 'dev', $null, $Ns.dev)
    $W.WriteAttributeString('xmlns', 'MSHelp', $null, $Ns.MSHelp)

    $W.WriteStartElement('command', 'details', $Ns.command)
    $W.WriteElementString('command', 'name', $Ns.command, $name)
    $W.WriteElementString('command', 'verb', $Ns.command, $verb)
    $W.WriteElementString('command', 'noun', $Ns.command, $noun)
    Write-Paras $W $synopsis
    $W.WriteEndElement()

    Write-Paras $W $description

    $W.WriteStartElement('command', 'syntax', $Ns.command)
    foreach ($set in $sets) {
        $members = foreach ($p in $parameters) {
            $match = $p.Attributes | Where-Object {
                $names = Get-SetNames $_
                $set.Name -eq '__AllParameterSets' -or $names -contains '(All)' -or $names -contains $set.Name
            } | Select-Object -First 1
            if ($match) {
                $rank = [array]::IndexOf($set.Order, $p.Name)
                [pscustomobject]@{ Parameter = $p; Attributes = $match; Rank = $(if ($rank -ge 0) { $rank } else { 1000 }) }
            }
        }
        if (-not $members -and $set.Name -ne '__AllParameterSets') { throw "$($Page.File): no parameter belongs to the syntax set '$($set.Name)'." }
        $members = @($members)
        foreach ($listed in $set.Order) {
            if (-not ($members | Where-Object { $_.Parameter.Name -eq $listed })) {
                throw "$($Page.File): the '$($set.Name)' syntax line names -$listed, but no ### -$listed yaml block lists that set."
            }
        }
        $W.WriteStartElement('command', 'syntaxItem', $Ns.command)
        $W.WriteElementString('maml', 'name', $Ns.maml, $name)
        foreach ($m in $members | Sort-Object Rank -Stable) { Write-Parameter $W $m.Parameter $m.Attributes $true }
        $W.WriteEndElement()
    }
    $W.WriteEndElement()

    $W.WriteStartElement('command', 'parameters', $Ns.command)
    foreach ($p in $parameters) { Write-Parameter $W $p $p.Attributes[0] $false }
    $W.WriteEndElement()

    foreach ($kind in @(
            @{ Section = 'INPUTS'; List = 'inputTypes'; Item = 'inputType' },
            @{ Section = 'OUTPUTS'; List = 'returnValues'; Item = 'returnValue' })) {
        $W.WriteStartElement('command', $kind.List, $Ns.command)
        if ($Page.Sections.Contains($kind.Section)) {
            foreach ($sub in (Split-Subsections $Page.Sections[$kind.Section]).Subsections) {
                $W.WriteStartElement('command', $kind.Item, $Ns.command)
                $W.WriteStartElement('dev', 'type', $Ns.dev)
                $W.WriteElementString('maml', 'name', $Ns.maml, (ConvertTo-PlainText $sub.Title))
                $W.WriteEndElement()
                Write-Paras $W @(ConvertTo-Paragraphs $sub.Blocks)
                $W.WriteEndElement()
            }
        }
        $W.WriteEndElement()
    }

    $W.WriteStartElement('maml', 'alertSet', $Ns.maml)
    if ($Page.Sections.Contains('NOTES')) {
        $notes = Split-Subsections $Page.Sections['NOTES']
        $W.WriteStartElement('maml', 'alert', $Ns.maml)
        foreach ($p in @(ConvertTo-Paragraphs $notes.Intro)) { $W.WriteElementString('maml', 'para', $Ns.maml, $p) }
        foreach ($sub in $notes.Subsections) {
            $W.WriteElementString('maml', 'para', $Ns.maml, (ConvertTo-PlainText $sub.Title).ToUpperInvariant())
            foreach ($p in @(ConvertTo-Paragraphs $sub.Blocks)) { $W.WriteElementString('maml', 'para', $Ns.maml, $p) }
        }
        $W.WriteEndElement()
    }
    $W.WriteEndElement()

    $W.WriteStartElement('command', 'examples', $Ns.command)
    $examples = (Split-Subsections $Page.Sections['EXAMPLES']).Subsections
    foreach ($ex in $examples) {
        $code = @($ex.Blocks | Where-Object Kind -EQ 'Code')
        if ($code.Count -eq 0) { throw "$($Page.File): '### $($ex.Title)' has no code block." }
        # The code is the run of code blocks the example starts with (or its first code block); the
        # text after it, and any later code, is the remarks.
        $leading = [System.Collections.Generic.List[object]]::new()
        foreach ($b in $ex.Blocks) { if ($b.Kind -eq 'Code') { $leading.Add($b) } else { break } }
        if ($leading.Count -eq 0) { $leading.Add($code[0]) }
        $rest = @($ex.Blocks | Where-Object { -not $leading.Contains($_) })
        $W.WriteStartElement('command', 'example', $Ns.command)
        $W.WriteElementString('maml', 'title', $Ns.maml, "---------- $(ConvertTo-PlainText $ex.Title) ----------")
        $W.WriteElementString('dev', 'code', $Ns.dev, (@($leading | ForEach-Object Text) -join "`n`n"))
        $W.WriteStartElement('dev', 'remarks', $Ns.dev)
        $remarks = @(ConvertTo-Paragraphs $rest)
        # A closing empty paragraph keeps a blank line between one example and the next title.
        $remarks += ''
        foreach ($p in $remarks) { $W.WriteElementString('maml', 'para', $Ns.maml, $p) }
        $W.WriteEndElement()
        $W.WriteEndElement()
    }
    $W.WriteEndElement()

    $W.WriteStartElement('command', 'relatedLinks', $Ns.command)
    $online = if ($Page.Front.Contains('online version')) { $Page.Front['online version'] } else { '' }
    if ($online) { Write-Link $W 'Online Version:' $online }
    if ($Page.Sections.Contains('RELATED LINKS')) {
        foreach ($b in $Page.Sections['RELATED LINKS']) {
            $entries = switch ($b.Kind) { 'List' { $b.Items } 'Para' { , $b.Text } default { @() } }
            foreach ($entry in $entries) {
                if ($entry -match '^\[([^\]]+)\]\(([^)]*)\)$') {
                    $label = $Matches[1]
                    $target = $Matches[2]
                    # A link to a sibling page is a command name to Get-Help, not an address.
                    $uri = if ($target -match '\.md(#.*)?$') { '' } else { $target }
                    Write-Link $W $label $uri
                }
                else { Write-Link $W (ConvertTo-PlainText $entry) '' }
            }
        }
    }
    $W.WriteEndElement()

    $W.WriteEndElement()
    return [pscustomobject]@{ Name = $name; Parameters = $parameters.Count; Examples = @($examples).Count }
}

function Write-Link([System.Xml.XmlWriter] $W, [string] $Text, [string] $Uri) {
    $W.WriteStartElement('maml', 'navigationLink', $Ns.maml)
    $W.WriteElementString('maml', 'linkText', $Ns.maml, $Text)
    $W.WriteElementString('maml', 'uri', $Ns.maml, $Uri)
    $W.WriteEndElement()
}

#endregion

#region About topics

function ConvertTo-AboutText([object] $Doc) {
    $width = 80
    $out = [System.Collections.Generic.List[string]]::new()
    $topic = $null
    foreach ($b in $Doc.Blocks) {
        switch ($b.Kind) {
            'Heading' {
                if ($out.Count -gt 0 -and $out[$out.Count - 1] -ne '') { $out.Add('') }
                $text = ConvertTo-PlainText $b.Text
                if ($b.Level -eq 1) { $topic = $text.Trim(); $out.Add('TOPIC'); $out.Add("    $topic"); $out.Add('') }
                elseif ($b.Level -eq 2) { $out.Add($text.ToUpperInvariant()) }
                else { $out.Add("  $text"); $out.Add('  ' + ('-' * $text.Length)) }
            }
            'Para' { $out.AddRange([string[]](Format-Wrapped (ConvertTo-PlainText $b.Text) 4 $width)); $out.Add('') }
            'List' {
                $n = 0
                foreach ($item in $b.Items) {
                    $n++
                    $bullet = if ($b.Ordered) { "$n. " } else { '- ' }
                    $out.AddRange([string[]](Format-Wrapped ($bullet + (ConvertTo-PlainText $item)) 4 $width (4 + $bullet.Length)))
                }
                $out.Add('')
            }
            'Code' {
                foreach ($l in $b.Text -split "`n") { $out.Add(("        $l").TrimEnd()) }
                $out.Add('')
            }
            'Table' {
                $t = Format-TableText $b.Rows ($width - 4)
                if ($t.Aligned) { foreach ($l in $t.Lines) { $out.Add("    $l") } }
                else {
                    foreach ($e in $t.Entries) {
                        $out.AddRange([string[]](Format-Wrapped $e.Title 4 $width))
                        foreach ($f in $e.Fields) { $out.AddRange([string[]](Format-Wrapped "$($f.Label): $($f.Value)" 8 $width 10)) }
                    }
                }
                $out.Add('')
            }
        }
    }
    if (-not $topic -or $topic -notmatch '^about_\w+$') { throw "$($Doc.File): an about topic needs '# about_Name' as its first heading." }
    while ($out.Count -gt 0 -and $out[$out.Count - 1] -eq '') { $out.RemoveAt($out.Count - 1) }
    return [pscustomobject]@{ Topic = $topic; Text = ($out -join [Environment]::NewLine) + [Environment]::NewLine }
}

#endregion

$DocsPath = (Resolve-Path $DocsPath).Path
if ($OutputPath -match '\.xml$') {
    $mamlFile = [IO.Path]::GetFullPath($OutputPath)
    $outDir = Split-Path $mamlFile
}
else {
    $outDir = [IO.Path]::GetFullPath($OutputPath)
    $mamlFile = $null
}
$null = New-Item -ItemType Directory -Force $outDir

$files = Get-ChildItem -Path $DocsPath -Filter *.md | Sort-Object Name
$aboutFiles = @($files | Where-Object Name -Like 'about_*.md')
$cmdletFiles = @($files | Where-Object Name -NotLike 'about_*.md')

$pages = foreach ($f in $cmdletFiles) {
    $doc = Read-MarkdownFile $f.FullName
    $helpFile = if ($doc.Front.Contains('external help file')) { $doc.Front['external help file'] } else { $null }
    if (-not $helpFile) { Write-Verbose "Skipping $($f.Name): no 'external help file' in its front matter."; continue }
    $page = Read-CmdletPage $doc
    if ($page.Name -ne $f.BaseName) { throw "$($f.Name): the page is for '$($page.Name)'; the file name must match." }
    $page | Add-Member -NotePropertyName HelpFile -NotePropertyValue $helpFile -PassThru
}

$helpFiles = @($pages | ForEach-Object HelpFile | Sort-Object -Unique)
if ($helpFiles.Count -gt 1) { throw "The pages name more than one external help file ($($helpFiles -join ', ')); this generator writes one." }
if (-not $mamlFile) {
    $mamlFile = Join-Path $outDir $(if ($helpFiles.Count -eq 1) { $helpFiles[0] } else { 'KonbiniApi.dll-Help.xml' })
}

$settings = [System.Xml.XmlWriterSettings]::new()
$settings.Indent = $true
$settings.IndentChars = '  '
$settings.Encoding = [System.Text.UTF8Encoding]::new($false)
$settings.NewLineChars = "`n"
$writer = [System.Xml.XmlWriter]::Create($mamlFile, $settings)
$written = try {
    $writer.WriteStartDocument()
    $writer.WriteStartElement('helpItems', $Ns.msh)
    $writer.WriteAttributeString('schema', 'maml')
    foreach ($page in $pages) { Write-Command $writer $page }
    $writer.WriteEndElement()
    $writer.WriteEndDocument()
}
finally {
    $writer.Dispose()
}
foreach ($w in @($written)) { Write-Verbose ("{0}: {1} parameter(s), {2} example(s)" -f $w.Name, $w.Parameters, $w.Examples) }

# A last check that the file is what Get-Help expects to read.
[xml] $check = Get-Content -Raw $mamlFile
$commands = $check.DocumentElement.ChildNodes | Where-Object { $_.LocalName -eq 'command' -and $_.NamespaceURI -eq $Ns.command }
if (@($commands).Count -ne @($pages).Count) { throw "$mamlFile holds $(@($commands).Count) command(s), expected $(@($pages).Count)." }

foreach ($f in $aboutFiles) {
    $about = ConvertTo-AboutText (Read-MarkdownFile $f.FullName)
    if ($about.Topic -ne $f.BaseName) { throw "$($f.Name): its heading is '# $($about.Topic)'; the file name must match." }
    $target = Join-Path $outDir "$($about.Topic).help.txt"
    [IO.File]::WriteAllText($target, $about.Text, [System.Text.UTF8Encoding]::new($false))
    Write-Verbose "$($f.Name) -> $target"
}

[pscustomobject]@{
    MamlFile    = $mamlFile
    Commands    = @($pages | ForEach-Object Name)
    AboutTopics = @($aboutFiles | ForEach-Object { Join-Path $outDir "$($_.BaseName).help.txt" })
}
