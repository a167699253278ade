"""Question kinds: the one list of them, and how a question's words tell its kind.

A kind decides which structure the checks expect: STAR for a story, current role → short-term
goal → long-term vision → company link for career goals, the reason → what you want next → this
role for "why are you leaving", and so on. Packs name the kind of each question; for a question
typed by the user (``score --question``) :func:`classify_question` infers it from the wording.
"""

from __future__ import annotations

import difflib
import re
from enum import StrEnum
from functools import lru_cache
from typing import Any


class QuestionKind(StrEnum):
    """What a question asks for."""

    GOALS = "goals"
    BEHAVIORAL = "behavioral"
    FIT = "fit"
    MOTIVATION = "motivation"
    SKILLS = "skills"
    WEAKNESS = "weakness"
    ABOUT = "about"
    LEAVING = "leaving"
    GENERAL = "general"


KIND_DESCRIPTIONS: dict[QuestionKind, str] = {
    QuestionKind.GOALS: "career goals: where you are going and how",
    QuestionKind.BEHAVIORAL: "a story from your experience (STAR)",
    QuestionKind.FIT: "why this company, this role, what you bring",
    QuestionKind.MOTIVATION: "what drives you, why this line of work",
    QuestionKind.SKILLS: "skills and strengths you have or will build",
    QuestionKind.WEAKNESS: "a weakness and what you do about it",
    QuestionKind.ABOUT: "tell me about yourself",
    QuestionKind.LEAVING: "why you are leaving: the reason, and what you want next",
    QuestionKind.GENERAL: "any other question",
}

# What a story question asks about: "tell me about a <noun>", "your biggest <noun>".
_STORY = (
    r"(time|times|situation|occasion|moment|instance|example|project|decision|call|mistake|failure|conflict|"
    r"challenge|problem|disagreement|setback|case|achievement|accomplishment|success|win|crisis|incident|error|"
    r"risk|initiative|obstacle|dilemma|argument|complaint|deadline|change|conversation|feedback|"
    r"experience|story|occurrence|lesson)s?"
)
# Fields of work named in "why teaching?", "why did you go into nursing?".
_FIELDS = (
    r"(nursing|teaching|medicine|law|marketing|sales|engineering|accounting|finance|banking|design|journalism|"
    r"social work|social care|healthcare|health care|education|research|science|consulting|retail|hospitality|"
    r"tech|technology|software|data science|data|public service|the public sector|the nonprofit sector|"
    r"the non-profit sector|charity work|pharmacy|dentistry|psychology|architecture|hr|human resources|"
    r"recruitment|recruiting|customer service|this field|this profession|this industry|this line of work|"
    r"this career|[a-z]+ing)"
)
_LEAVE = (
    r"(leave|leaving|left|quit|quitting|resign|resigning|resigned|move on|moving on|walk away|walked away|"
    r"step away|stepping away|stepped away|step down|stepped down)"
)
_JOB = (
    r"(job|jobs|role|roles|position|post|company|employer|team|organi[sz]ation|firm|workplace|practice|school|agency)"
)
_PAST_JOB = r"(last|current|previous|former|old|present|first|most recent|existing)"

# Cues in a question's words, with a weight: the kind with the most weight wins. Strong cues are
# whole request forms ("tell me about a time"); weak ones are topic words ("skills"). The question
# is matched in lower case, contractions spelled out ("what's" → "what is") and a few common
# misspellings of key words mended first (see _normalise).
_CUES: tuple[tuple[QuestionKind, float, str], ...] = (
    # a story: the question asks for one occasion from the past
    (
        QuestionKind.BEHAVIORAL,
        3.0,
        rf"(tell|talk|walk) (to )?(me|us) (a (little )?(bit )?)?(more )?(about|through|of) "
        rf"(a|an|one|the|your|some|any) ([a-z/'-]+ ){{0,3}}{_STORY}\b",
    ),
    (
        QuestionKind.BEHAVIORAL,
        3.0,
        rf"(describe|share|recall|give( me| us)?|provide|think of|remember|name|cite|relate|recount|talk about|"
        rf"walk (me|us) through) (with (me|us) )?(a|an|one|some|the|your|any) ([a-z/'-]+ ){{0,3}}{_STORY}\b",
    ),
    (QuestionKind.BEHAVIORAL, 3.0, r"(tell|talk) (me|us) (more )?about (when|how) you\b"),
    (
        QuestionKind.BEHAVIORAL,
        3.0,
        r"(tell|talk) (to )?(me|us) about (a|an|one|the|some) ([a-z-]+ ){1,3}(that |which )?you (have |had )?"
        r"([a-z]+ed|made|took|did|ran|led|built|wrote|gave|got|won|lost|faced|drove|chose|broke|told|sold|found|held|"
        r"kept|spent|saw|went|met)\b|"
        r"(tell|talk) (to )?(me|us) about (a |an |the |some )?[a-z-]+ that (changed|shaped|taught|helped|made|"
        r"surprised)",
    ),
    (
        QuestionKind.BEHAVIORAL,
        2.0,
        r"(tell|talk) (me|us) about [a-z]+ing (a|an|the|with|in|under|through|across|on|your)",
    ),
    (
        QuestionKind.BEHAVIORAL,
        3.0,
        r"(a|an|the|one) (time|occasion|situation|moment|day|instance|period) "
        r"((when|where|that|in which) )?(you|your)\b",
    ),
    (QuestionKind.BEHAVIORAL, 3.0, r"\b(have|did) you ever\b"),
    (
        QuestionKind.BEHAVIORAL,
        2.5,
        rf"\b{_STORY} (that |which )?you (have |had )?([a-z]+ly )?([a-z]+ed|made|took|had|faced|led|ran|built|gave|got|"
        rf"did|won|lost|felt|saw|went|met|drove|chose|broke|wrote|told|dealt|solved|overcame|fought|caught|brought|"
        rf"taught|sold|spent|found|held|kept|left out|learnt|learned|been|done|seen|taken|given|made)\b",
    ),
    (QuestionKind.BEHAVIORAL, 3.0, r"\bwhen (have|did) you (ever |last |most recently |recently )?[a-z]+"),
    (QuestionKind.BEHAVIORAL, 3.0, r"\b(the )?last time (that )?you\b|\bwhen (were|was) you (ever |last )"),
    (QuestionKind.BEHAVIORAL, 2.5, r"what did you do( next| then| about it)?[?.!]*$"),
    (
        QuestionKind.BEHAVIORAL,
        2.5,
        r"how (did|have) you (handle|handled|deal|dealt|manage|managed|approach|approached|resolve|resolved|respond|"
        r"responded|overcome|react|reacted|cope|coped|solve|solved|tackle|tackled|recover|recovered|fix|fixed|convince|"
        r"convinced|persuade|persuaded|get|got|turn|turned|go about|achieve|achieved|help|helped|improve|improved|"
        r"lead|led|build|built|adapt|adapted|demonstrate|demonstrated|show|shown|showed|balance|balanced|"
        r"influence|influenced|navigate|navigated|bounce|bounced|motivate|motivated)\b|"
        r"how you (handled|dealt|managed|approached|resolved|responded|overcame|reacted|coped|solved|tackled|recovered|"
        r"fixed|convinced|persuaded|got through|turned|bounced|adapted|achieved|led|built|improved)",
    ),
    (
        QuestionKind.BEHAVIORAL,
        2.5,
        r"what (did|have) you (do|done|learn|learned|learnt|change|changed) (when|after|about|from|to)",
    ),
    (
        QuestionKind.BEHAVIORAL,
        2.0,
        rf"^(?=.*\byou).*\b(what|which) (was|is|has been|were|are|would you say is|would you say was) "
        rf"(the|your|one of (the|your)) ([a-z/'-]+ ){{0,3}}"
        rf"(most|biggest|greatest|hardest|toughest|best|worst|proudest|largest|main|top|favou?rite|[a-z]+est)\b"
        rf"( [a-z/'-]+){{0,4}} {_STORY}\b",
    ),
    (
        QuestionKind.BEHAVIORAL,
        2.5,
        r"\b(the|your) (most [a-z]+|biggest|greatest|hardest|toughest|best|worst|largest|[a-z]+est)\b[^?]{0,40}"
        r"\byou (have |had |ever |have ever )+(been|done|faced|worked|handled|led|made|experienced|delivered|achieved|"
        r"overcome|managed|had|solved|built|taken|received|given|seen|won|lost|written|run|launched)\b",
    ),
    (
        QuestionKind.BEHAVIORAL,
        3.0,
        r"^(?!.*\b(skills?|strengths?|qualities)\b).*(\b(most|particularly|really|especially|proudest|so) proud\b|"
        r"\bproudest\b)",
    ),
    (QuestionKind.BEHAVIORAL, 2.0, r"\b(accomplishments?|achievements?|failures?|mistakes?|setbacks?)\b"),
    (
        QuestionKind.BEHAVIORAL,
        2.0,
        r"\b(a|one) (career |professional )?goal (you|that you) (set|reached|achieved|hit|met|missed|had)",
    ),
    (QuestionKind.BEHAVIORAL, 1.0, r"\bstar\b|\bexamples? (of|when|where)\b|give (some |an |me |us )?examples?"),
    # tell me about yourself
    (
        QuestionKind.ABOUT,
        4.0,
        r"(tell|talk|walk) (to )?(me|us) (a (little|bit|little bit) |a bit )?(more )?(about|through) "
        r"(yourself|you(?=[ ,.?!]*$| and| as a| as a person)|"
        r"your ([a-z]+ ){0,2}(background|resume|résumé|cv|profile|story|journey|path|history|work history|"
        r"experience( so far)?|career(?! (goals?|plans?|aspirations?|ambitions?|objectives?))"
        r"( so far| history| path| journey| to date)?))",
    ),
    (
        QuestionKind.ABOUT,
        4.0,
        r"(introduce|introducing|describe|describing) yourself|introduction (of|to) yourself|who (are you|you are)|"
        r"tell (me|us) your (story|background)|"
        r"what is your (story|background)\b|how you got (to )?(here|where you are)|"
        r"(summary|overview|rundown|run-through|outline|snapshot|version) of (yourself|your (career|background|"
        r"experience|cv|resume|life|journey|story))|"
        r"elevator pitch|(give|tell) (me|us) (a|an|your) (quick |short |brief )?"
        r"(overview|summary|introduction|rundown) of (yourself|you|your (background|career|experience))",
    ),
    (
        QuestionKind.ABOUT,
        3.0,
        r"(what|how) (should|would|can|do) (i|we) (need to )?know about you|something about yourself|"
        r"describe your (background|career|experience)|more about you\b",
    ),
    # a weakness
    (
        QuestionKind.WEAKNESS,
        4.0,
        r"weakness|weak (point|spot|area|side|at|in|on)|areas? (for|of|to|where|in which) (improvement|improve|"
        r"develop|grow|you (need|could|can|want))|development (areas?|needs?|points?)|"
        r"(need|needs) (to )?(improv|work on|grow in|grow\b|develop)|weakest|wish you (did|would|could|had)|(improve|"
        r"work) on|shortcoming|blind spot|flaw|achilles|"
        r"(not|least) (very )?(good|strong|confident|comfortable|skilled) (at|with|in)|struggle (with|to)|"
        r"(like|want|need|hope) to (do|get|become) better|could (do|be) better|(working|trying) (hard )?to improve|"
        r"what would your (manager|boss|colleagues?|co-?workers?|team|peers) (say|want) (you )?(need|should|could|"
        r"to|must)|(something|one thing) (you'd|you would) (like to )?change about yourself|"
        r"what do you find (hardest|most difficult|most challenging|difficult|challenging)|"
        r"needs? (the most |more |some |a lot of )?(work|improvement|attention)|"
        r"(should|could|must|need to|ought to) (improve|work on|get better|develop)|"
        r"(improve|change|fix) (about|in) yourself|worst ([a-z]+ )?(habit|trait|quality|quirk|characteristic|"
        r"attribute|fault)|"
        r"bad habits?|worr(y|ies|ied) you|concerns? you|daunting|intimidat|"
        r"least (experienced|confident|comfortable|skilled|knowledgeable|strong|developed)|your critics|"
        r"critical of you|critici[sz]e you|need to learn|still (need|have) to|still learning|\b(lack|lacking|lacks)\b|"
        r"(skills?|knowledge|experience) gaps?|"
        r"areas? (of|in) your (work|performance|practice|skill set|skills)|"
        r"(things|something|anything|areas?|aspects?) (to|you could|you should|you need to|you want to|"
        r"you would like to) "
        r"(improve|work on|develop)",
    ),
    # why you are leaving: the reason, said well, and what you want next
    (
        QuestionKind.LEAVING,
        5.0,
        rf"\b(why|how come)\b[^?.]{{0,30}}\byou\b[^?.]{{0,40}}\b{_LEAVE}\b(?! (a|an|your) (legacy|mark|impression))",
    ),
    (
        QuestionKind.LEAVING,
        5.0,
        r"reasons? (for|why|behind|that)?[^?.]{0,25}\b(leav|quit|resign|moving|move|the move|looking|chang|depart)",
    ),
    (
        QuestionKind.LEAVING,
        5.0,
        r"what (made|makes|prompted|prompts|is prompting|led|leads|drove|drives|pushed|caused|would make|would cause) "
        r"you (to )?(\w+ )?(leave|quit|resign|look|start looking|move on|search|want to leave|want to move)",
    ),
    (
        QuestionKind.LEAVING,
        5.0,
        rf"((did not|do not|does not) you|(did|do) you not|you (did not|do not)|never) (like|enjoy|"
        rf"love)[^?]{{0,30}}\b{_PAST_JOB} ([a-z]+ )?({_JOB}|boss|manager|work)|"
        rf"(dislike|disliked|frustrates|frustrated|annoys|annoyed|bothers|bothered|unhappy|not happy)[^?]{{0,30}}"
        rf"\b{_PAST_JOB} ([a-z]+ )?({_JOB}|boss|manager|work)",
    ),
    (QuestionKind.LEAVING, 5.0, r"\b(fired|let go|laid off|dismissed|terminated|made redundant|sacked)\b"),
    (
        QuestionKind.LEAVING,
        5.0,
        r"(look|looking) elsewhere|(start|started|begin|began) looking|"
        r"your decision to (leave|move|look|quit|resign|go)",
    ),
    (
        QuestionKind.LEAVING,
        4.0,
        r"^(?!.*\b((maternity|paternity|parental|annual|sick|study|unpaid) leave|on leave|leave of absence|"
        r"leave (a|an|your) (legacy|mark|impression)|legacy))"
        r".*\b(leave|leaving|quit|quitting|resign|resigning|resigned|resignation|redundancy|redundant|"
        r"job[- ]?(hunt|hunting|search|searching|seeking|hop|hopping|hopper)|on the (job )?market|moving on|move on|"
        r"you left|left (your|the|my|a|this)|departure|depart|departing)\b",
    ),
    (
        QuestionKind.LEAVING,
        4.0,
        rf"\b{_PAST_JOB} ({_JOB}|contract|placement|assignment) (end|ended|ending|finish|finished|come to an end|"
        rf"came to an end)|"
        rf"(such a short|so short a|a short) (time|stint|tenure)|so (briefly|short)|"
        rf"(so many|many|several) (different )?(jobs|employers|moves)|"
        rf"(hand|handed|handing|give|gave|giving) (in )?(your|my|their) notice|"
        rf"(do not|can not) (get|have|do) (now|currently|at the moment|in your current|where you are)|"
        rf"(want|wanting|need|needing|looking for|seeking) a (change|move|fresh start|new start|new challenge)|"
        rf"change from (your|the) {_PAST_JOB}|stop(ped)? working (at|for)|"
        rf"\b{_PAST_JOB} ({_JOB}|boss|manager) (not|did not|does not|could not|can not|never|fail|failed)\b|"
        rf"\b(change|fix|improve|miss|dislike)\b[^?]{{0,30}}\b{_PAST_JOB} ({_JOB}|boss|manager|work)|"
        rf"\b{_PAST_JOB} ({_JOB}|boss|manager|work)\b[^?]{{0,30}}\b(change|fix|improve|miss|dislike)\b|"
        rf"(wrong|bad|not right|missing|unhappy|problems?|issues?|frustrat[a-z]*|hate|hated) (with|about|in|at) "
        rf"(your |the )?{_PAST_JOB} ([a-z]+ )?({_JOB}|boss|manager|work)",
    ),
    (
        QuestionKind.LEAVING,
        5.0,
        r"why (are|were|have) you (been |now |currently )?(looking|searching|hunting|on the (job )?market|"
        r"job[- ]hunting|exploring|considering|open to|thinking (about|of) (a )?(new|another|other|moving|changing|"
        r"leaving))",
    ),
    (
        QuestionKind.LEAVING,
        4.5,
        rf"(change|switch|swap|changing|switching) (jobs|employers|companies|careers|career|fields|industries|"
        rf"professions)|why (now|make this move|the move|this move|make the move|make a move)\b|"
        rf"why (the|a|this) (career )?(change|switch|move)\b|(move|moving) (away )?from (your|the) {_PAST_JOB}|"
        rf"job[- ]hop",
    ),
    (
        QuestionKind.LEAVING,
        4.0,
        rf"\b{_LEAVE} (your|the|my|a|this) ({_PAST_JOB} )?([a-z]+ )?{_JOB}\b|"
        rf"what (will|would) you miss about|would have made you stay",
    ),
    # career goals
    (
        QuestionKind.GOALS,
        4.0,
        r"(career|professional|long[- ]term|short[- ]term|future|personal) (goals?|aims?|plans?|"
        r"aspirations?|ambitions?|objectives?|path|vision)|\bgoals?\b|plans? for (the|your) (future|next|coming)|"
        r"(hope|want|like|plan|expect) to be doing|by the time you|dream (job|role|career|position)|"
        r"(like|want|hope|expect) to have (achieved|accomplished|done|built|delivered)|"
        r"legacy|(mark|impact) (do|would) you (want|like|hope) to (leave|make|have)|(want|like) to be remembered",
    ),
    (
        QuestionKind.GOALS,
        4.0,
        r"see yourself(?! (fitting|fit|as a fit|working with))|(picture|envision|imagine) yourself|"
        r"(where|what) (do|would) you (want|like|hope|plan) to (be|go|do|achieve|have)[^?]{0,30}"
        r"(years?|future|next|career|long|decade)|(in|within) (the next )?(\d+|two|three|five|ten|a few) (years?|yrs)|"
        r"(\d+|one|two|three|five|ten)[- ]year plan|(grow|develop|progress|advance|move up) in your career|"
        r"years from now|decade|where (are you|is your career) (going|heading)|ambitions?|aspirations?|"
        r"next (step|role|move) in your career|(what|where) (is|are) (your )?next|where do you want to (be|go)|"
        r"where (do|would) you (want|like|hope|see) your ([a-z]+ )?career|your ([a-z]+ )?career (heading|going)|"
        r"(moving|move|step|stepping|progress|progressing|go|going) (up )?into (management|leadership|"
        r"a (management|leadership|senior))|"
        r"success(ful)?[^?]{0,30}looks? like|working towards? in your career|"
        r"(see|imagine|picture) your career|your career (develop|developing|progress|progressing|evolve|evolving|"
        r"going|heading|grow|growing)",
    ),
    (
        QuestionKind.GOALS,
        2.0,
        r"(plan|planning|hope|hoping|want|wanting|aim|aiming|like) to (achieve|accomplish|become|reach|grow)|how far|"
        r"over the (next|coming) (\d+|two|three|four|five|ten|few|couple of|several) (years?|yrs)|"
        r"\b(your )?next (role|job|position)\b|after this (one|role|job)|"
        r"how long (do|would|will) you (see yourself|stay|plan to stay)|want to achieve|vision for|"
        r"(what|which) (role|position|job|title) (do|would) you (eventually |ultimately |one day |someday )?"
        r"(want|like|hope|aim)|\beventually\b",
    ),
    # why this company / role / what you bring
    (
        QuestionKind.FIT,
        4.0,
        r"why (do|would) you (want|like|wish|choose) to (work|join|apply|be part|be a part)|"
        r"why (do|would) you want (this|the|our)? ?(job|role|position|company|industry|field|work|vacancy)|"
        r"why (us|our (company|firm|organi[sz]ation|team|hospital|school|agency|bank|studio|practice))|"
        r"why (this|our) (company|firm|role|job|position|organi[sz]ation|team|industry|field|sector|vacancy)|"
        r"why (should|would) (we|i) (hire|choose|pick|select|take on|offer) you|"
        r"why (are|would) you (be )?(the|a|an) (right|best|ideal|good|great|strong) (fit|person|candidate|match|"
        r"addition|choice|hire)|"
        r"why (are|were) you (interested|applying|drawn)|why (did|have) you appl(y|ied)|why here|"
        r"why did you (choose|decide|pick) to (apply|join|work)|"
        r"(interested|interest) in (this|our|the) (role|job|position|company|vacancy|opportunity)|"
        r"what (attracted|attracts|drew|draws|interests|interested|appeals|appealed|excites|excited) you (to|about|in) "
        r"(this|our|the|us|working|joining|apply|applying)|"
        r"(like|love|admire|enjoy) about (us|our|this company|the company|this role|the role|this job|working here|"
        r"what we do|how we)|(appeals?|appealed) to you about (this|our|the|working|joining|us)|"
        r"(change|improve) about (our|us|the company|this company)|"
        r"(research|prepare|preparation|prepared)[^?]{0,30}(interview|company|about us|today|coming in)",
    ),
    (
        QuestionKind.FIT,
        3.0,
        r"(know|knew|heard|read|learned|learnt|researched|understand) about (us|our|the company|this company|"
        r"the way we|how we|what we|this (role|job|position|team)|the (role|job|position|team|organi[sz]ation|firm))|"
        r"what (do|can|could|would|will) you (bring|offer|contribute)|how (would|will|could|can) you contribute|"
        r"(bring|add) to (the|this|our) (team|role|company|table|organi[sz]ation)|(add|bring) value|"
        r"\b(a|an|the) (strong|good|great|right|best|ideal|perfect|excellent) (fit|match|candidate|addition|hire)\b|"
        r"(do|offer|bring|deliver|achieve|contribute) for (us|our (company|team|organi[sz]ation|firm))|"
        r"others (can not|do not|would not)|other (candidates|applicants)|what sets you apart|"
        r"(makes|would make|will make|helps) you stand out|you stand out|what makes you (unique|different|special)|"
        r"makes? you (right|suited|suitable|qualified|a good fit|the right|ideal)|"
        r"right for (this|the) (job|role|position|company|team)|"
        r"(fit|fits|fitting) (in|into|with)? ?(our|the|this)? ?(culture|team|company)|"
        r"(looking for|value|want) in (a|an|the|your next) "
        r"(company|employer|workplace|culture|firm|manager|team|job|role|position)|"
        r"what kind of (company|place|employer|workplace|team|culture|organi[sz]ation|environment|manager|"
        r"work environment|company culture)|ideal (job|company|employer|workplace|work environment|team|manager)|"
        r"where would you (really |most |ideally )?(like|love|want|prefer) to work|"
        r"first (30|60|90|100|thirty|sixty|ninety|hundred) days|what attracts you|"
        r"(your|the) first (week|weeks|month|months|days|few days|few weeks)|"
        r"what excites you about (the|this|our)|"
        r"what (would|will) you do in your first",
    ),
    (
        QuestionKind.FIT,
        2.0,
        r"\b(with|for|join|joining) us\b|"
        r"\bour (products?|services?|brand|apps?|platform|website|site|mission|values|strategy|clients|customers|"
        r"company|team|organi[sz]ation|firm|culture|competitors)\b",
    ),
    (
        QuestionKind.FIT,
        1.0,
        r"\b(culture|values|mission|work environment|company|role|position|industry|vacancy|opening|opportunity)\b",
    ),
    # what drives you, and why this line of work
    (
        QuestionKind.MOTIVATION,
        4.0,
        r"motivat|what drives you|what gets you (up|out of bed|excited)|passionate about|what inspires you|"
        r"what (energi[sz]es|excites) you\b(?! about (this|our|the (role|job|company|position)))|"
        r"what (do|did) you (enjoy|love|like) (most |best )?about"
        r"(?! (us|our|this company|the company|working here|what we do|how we))|"
        r"(most|least) (rewarding|satisfying|fulfilling)|what makes you (happy|tick)|"
        r"favou?rite (part|thing|aspect)s? (of|about)|what makes you excited|keeps? you (going|motivated|engaged)|"
        r"what is it about [a-z ]{2,30} that (excites|appeals to|draws|attracts|interests|inspires) you|"
        r"what (parts? |aspects? |kind of work |type of work |tasks? )?(do|did) you (most |really )?(enjoy|love)\b"
        r"(?! about (us|our|this company|the company|working here|what we do|how we))|"
        r"(great|good|perfect|ideal|best|rewarding) day (at work|for you)|"
        r"(got|get|gets|made) you interested in|satisf(action|ying|ied)|fulfil(l)?(ment|ing)|meaningful",
    ),
    (
        QuestionKind.MOTIVATION,
        4.0,
        rf"why (do|would|did) you (want to )?(be|become) (a|an) (?!(part|good|great|right|best)\b)|"
        rf"why did you (choose|pick|go into|get into|enter|decide to (become|go into|pursue|study|enter))"
        rf"(?! to (apply|work|join))|"
        rf"what (made|makes) you (want to )?(become|be a|be an|choose|go into|get into|pursue|study|enter)\b|"
        rf"why (a )?career in|^(so,? )?why (choose |pick )?{_FIELDS}\??$|"
        rf"what (drew|draws|attracted|attracts|led|brought) you (to|into) "
        rf"(?!(this|our|the|us|your|working|apply|applying)\b)|"
        rf"what (inspired|inspires|motivated|made|led|drew) you to (go into|become|choose|pursue|enter|get into|study|"
        rf"train)|why (do|did) you (do|love) (this|what you do)",
    ),
    # skills and strengths
    (
        QuestionKind.SKILLS,
        3.0,
        r"\bskills?\b|strengths?|what are you (really )?(good|great|best) at|(keep|stay) (up|current|"
        r"up[- ]to[- ]date|on top|informed|sharp)|(keep|keeping|stay|staying) [^?]{0,25}(up to date|up-to-date|"
        r"current|sharp|fresh|relevant)|(biggest|greatest|best|main|strongest|key) (asset|assets|quality|qualities)|"
        r"certification|training|"
        r"(learn|learning|develop|developing|build|building|improve|improving|grow|growing) (in|on|your|new|as)|"
        r"what would you (like to )?learn|(technical|soft) (skills|abilities)|expertise|"
        r"qualif(y|ies|ications)|competenc|(strongest|best) (skill|skills|asset|quality|qualities|attribute)|"
        r"\bqualities\b|how would (your )?([a-z-]+ ){0,2}(colleagues|co-?workers|coworkers|friends|manager|boss|"
        r"team|teammates|peers|references?|others|people|employer|staff|reports) (describe|sum up) you|"
        r"(say|think) you('re| are) (great|good|best|strong|excellent|brilliant) at|superpower|super power|"
        r"secret weapon|selling point|best quality|greatest asset|programming languages?|proficien|fluent in|"
        r"(tools|software|technologies|platforms|frameworks|systems|languages) (do|are|have) you|"
        r"(know|use) well\b|familiar with|(known|recogni[sz]ed|valued|praised) for|"
        r"(walk|talk) (me|us) through your ([a-z]+ )?(process|approach|workflow|method)",
    ),
    (QuestionKind.SKILLS, 1.0, r"\b(learn|develop|improve|grow|tools?|software|technolog)"),
    # the practical questions: pay, dates, travel, pressure, questions for the interviewer
    (
        QuestionKind.GENERAL,
        3.0,
        r"salary|compensation|(pay|rate) (expectations|range)|expected (pay|rate)|notice period|"
        r"when (can|could|would) you (start|join|be available)|(able|available) to start|start date|relocat|"
        r"willing to (travel|relocate|work (weekends|nights|shifts|overtime|remotely))|"
        r"(any|some) questions (for|to) (me|us)|questions (do you have )?(for|to) (me|us)|questions do you have|"
        r"do you have any questions|anything (you'd|you would) like to ask|"
        r"(handle|deal with|cope with|manage) (stress|pressure)|work (well )?under pressure|what would you do if|"
        r"(what are|how much are) you earning|interviewing (elsewhere|with other)|other (offers|interviews)",
    ),
)
_PRIORITY = (
    QuestionKind.BEHAVIORAL,
    QuestionKind.ABOUT,
    QuestionKind.WEAKNESS,
    QuestionKind.LEAVING,
    QuestionKind.GOALS,
    QuestionKind.FIT,
    QuestionKind.MOTIVATION,
    QuestionKind.SKILLS,
    QuestionKind.GENERAL,
)

# Spoken and typed shorthand spelled out, so the cues can be written once.
_SHORTHAND = (
    (re.compile(r"\b(what|where|who|how|that|it|there|here)'?s\b"), r"\1 is"),
    (re.compile(r"\byou'?re\b"), "you are"),
    (re.compile(r"\byou'?ve\b"), "you have"),
    (re.compile(r"\byou'd\b"), "you would"),
    (re.compile(r"\b(did|do|does|is|was|were|are|could|would|should|have|has)n'?t\b"), r"\1 not"),
    (re.compile(r"\bu\b"), "you"),
    (re.compile(r"\bur\b"), "your"),
    (re.compile(r"\byrs\b"), "years"),
    (re.compile(r"\babit\b"), "a bit"),
    (re.compile(r"\b(bout|abt)\b"), "about"),
    (re.compile(r"\bcan not\b|\bcannot\b"), "can not"),
)
# Key words that are often misspelled, mended when a longer word is one slip away from one of
# them ("yourslef", "weaknes", "descibe"). Only long, distinctive words are listed: a short one
# ("leave") is one letter from other real words ("lease", "leading" from "leaving").
_KEY_WORDS = (
    "yourself",
    "weakness",
    "weaknesses",
    "strength",
    "strengths",
    "accomplishment",
    "accomplishments",
    "achievement",
    "achievements",
    "describe",
    "motivates",
    "motivated",
    "motivation",
    "situation",
    "occasion",
    "example",
    "challenge",
    "challenging",
    "disagreement",
    "background",
    "introduce",
    "interested",
    "position",
    "aspirations",
    "ambitions",
    "passionate",
    "shortcoming",
    "shortcomings",
    "previous",
    "development",
    "proudest",
    "failure",
    "conflict",
    "mistake",
    "colleague",
    "resignation",
)
_WORD = re.compile(r"[a-z]+")


def _mend(match: re.Match[str]) -> str:
    word = match.group()
    if len(word) < 6 or word in _KEY_WORDS:
        return word
    close = difflib.get_close_matches(word, _KEY_WORDS, n=1, cutoff=0.86)
    return close[0] if close else word


def _normalise(question: str) -> str:
    text = " ".join(question.replace("’", "'").replace("‘", "'").lower().split())
    for pattern, replacement in _SHORTHAND:
        text = pattern.sub(replacement, text)
    return _WORD.sub(_mend, text)


@lru_cache(maxsize=1)
def _compiled() -> tuple[tuple[QuestionKind, float, re.Pattern[str]], ...]:
    return tuple((kind, weight, re.compile(pattern)) for kind, weight, pattern in _CUES)


def kind_scores(question: str) -> dict[QuestionKind, float]:
    """The weight of the cues for each kind found in ``question`` (kinds without cues left out)."""
    text = _normalise(question)
    scores: dict[QuestionKind, float] = {}
    for kind, weight, pattern in _compiled():
        if pattern.search(text):
            scores[kind] = scores.get(kind, 0.0) + weight
    return scores


@lru_cache(maxsize=512)
def classify_question(question: str) -> QuestionKind:
    """The kind of ``question`` from its words; ``GENERAL`` when nothing fits.

    The kind with the most cue weight wins; on a tie, the more specific kind does (a story
    before a goal, a goal before a topic word such as "skills"). A question no cue recognises takes
    the kind of the written examples it shares most words with (:func:`nearest_kind`), when they
    share enough.
    """
    scores = kind_scores(question)
    if not scores:
        nearest, similarity = nearest_kind(question)
        return nearest if similarity >= NEAREST_ENOUGH else QuestionKind.GENERAL
    best = max(scores.values())
    return next(kind for kind in _PRIORITY if scores.get(kind) == best)


NEAREST_ENOUGH = 0.12  # the weighted share of words a question must share with its examples
NEAREST_COUNT = 5  # examples that vote
NEAREST_ALONE = 0.3  # one example alone decides only when it shares this much of the question
_NOT_TELLING = frozenset(
    "the a an of to in for on with you your me my i we our us is are was were be do did does can could "
    "would will what how why when where which who tell about give time have has had it that this there so".split()
)


@lru_cache(maxsize=4096)
def _word_stem(word: str) -> str:
    return str(_stemmer().stemWord(word))


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    import Stemmer  # PyStemmer (untyped: see pyproject's mypy overrides)

    return Stemmer.Stemmer("english")


def _features(question: str) -> frozenset[str]:
    stems = [_word_stem(w) for w in re.findall(r"[a-z']+", _normalise(question)) if w not in _NOT_TELLING]
    return frozenset(stems) | frozenset(f"{a} {b}" for a, b in zip(stems, stems[1:], strict=False))


@lru_cache(maxsize=1)
def _examples() -> tuple[tuple[tuple[frozenset[str], QuestionKind], ...], dict[str, float]]:
    """The written examples (``kind_examples.toml``) as features, and each feature's weight (rarer
    features say more: inverse document frequency)."""
    import math
    import tomllib
    from collections import Counter
    from importlib import resources

    text = resources.files("mock_interview.core").joinpath("kind_examples.toml").read_text("utf-8")
    rows = tuple((_features(e["text"]), QuestionKind(e["kind"])) for e in tomllib.loads(text)["example"])
    counts = Counter(f for features, _ in rows for f in features)
    weights = {f: math.log(len(rows) / (1 + n)) + 1.0 for f, n in counts.items()}
    return rows, weights


def nearest_kind(question: str) -> tuple[QuestionKind, float]:
    """The kind the closest written examples vote for, and how close the closest one is (the weighted
    share of features the two share, 0 to 1)."""
    rows, weights = _examples()
    features = _features(question)
    unseen = max(weights.values(), default=1.0)
    scored = []
    for example, kind in rows:
        union = sum(weights.get(f, unseen) for f in features | example)
        shared = sum(weights.get(f, unseen) for f in features & example)
        scored.append((shared / union if union else 0.0, kind))
    scored.sort(key=lambda item: -item[0])
    votes: dict[QuestionKind, float] = {}
    backers: dict[QuestionKind, int] = {}
    for similarity, kind in scored[:NEAREST_COUNT]:
        if similarity > 0:
            votes[kind] = votes.get(kind, 0.0) + similarity
            backers[kind] = backers.get(kind, 0) + 1
    if not votes:
        return QuestionKind.GENERAL, 0.0
    winner = max(votes, key=lambda kind: votes[kind])
    # one example sharing a word ("favourite colour" and "favourite part of your job") is chance;
    # two, or one that shares most of the question, is a reading
    if backers[winner] < 2 and scored[0][0] < NEAREST_ALONE:
        return QuestionKind.GENERAL, 0.0
    return winner, scored[0][0]


def parse_kind(value: str) -> QuestionKind | None:
    """The kind named ``value`` (as written in packs and on the command line), or ``None``."""
    try:
        return QuestionKind(value)
    except ValueError:
        return None
