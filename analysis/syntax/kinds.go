package syntax

// Kind is a language-independent node kind. Both grammars (TypeScript and
// TSX) are mapped onto it, so extraction code never deals with grammar
// symbol ids. Named nodes the engine does not care about are KindOther;
// anonymous tokens it does not care about are dropped entirely.
type Kind uint16

const (
	KindOther Kind = iota
	KindError

	// Named nodes.
	KindProgram
	KindComment
	KindExpressionStatement
	KindString
	KindStringFragment
	KindTemplateString
	KindTemplateSubstitution
	KindNumber
	KindRegex
	KindTrue
	KindFalse
	KindNull
	KindUndefined
	KindIdentifier
	KindPropertyIdentifier
	KindShorthandPropertyIdentifier
	KindShorthandPropertyIdentifierPattern
	KindPrivatePropertyIdentifier
	KindTypeIdentifier
	KindStatementIdentifier
	KindThis
	KindSuper
	KindImport // the `import` of a dynamic import()
	KindParenthesizedExpression
	KindCallExpression
	KindNewExpression
	KindMemberExpression
	KindSubscriptExpression
	KindArguments
	KindAwaitExpression
	KindUnaryExpression
	KindBinaryExpression
	KindTernaryExpression
	KindAssignmentExpression
	KindAugmentedAssignmentExpression
	KindSequenceExpression
	KindAsExpression
	KindSatisfiesExpression
	KindNonNullExpression
	KindObject
	KindPair
	KindArray
	KindSpreadElement
	KindComputedPropertyName
	KindArrowFunction
	KindFunctionExpression
	KindFunctionDeclaration
	KindGeneratorFunction
	KindGeneratorFunctionDeclaration
	KindFunctionSignature
	KindMethodDefinition
	KindClassDeclaration
	KindAbstractClassDeclaration
	KindClass
	KindClassBody
	KindClassHeritage
	KindExtendsClause
	KindClassStaticBlock
	KindPublicFieldDefinition
	KindFormalParameters
	KindRequiredParameter
	KindOptionalParameter
	KindRestPattern
	KindAssignmentPattern
	KindObjectPattern
	KindArrayPattern
	KindPairPattern
	KindObjectAssignmentPattern
	KindStatementBlock
	KindLexicalDeclaration
	KindVariableDeclaration
	KindVariableDeclarator
	KindIfStatement
	KindElseClause
	KindForStatement
	KindForInStatement
	KindWhileStatement
	KindDoStatement
	KindTryStatement
	KindCatchClause
	KindFinallyClause
	KindSwitchStatement
	KindSwitchBody
	KindSwitchCase
	KindSwitchDefault
	KindLabeledStatement
	KindReturnStatement
	KindThrowStatement
	KindWithStatement
	KindEmptyStatement
	KindImportStatement
	KindImportClause
	KindNamedImports
	KindImportSpecifier
	KindNamespaceImport
	KindImportRequireClause
	KindImportAlias
	KindExportStatement
	KindExportClause
	KindExportSpecifier
	KindNamespaceExport
	KindTypeAliasDeclaration
	KindInterfaceDeclaration
	KindEnumDeclaration
	KindAmbientDeclaration
	KindModule
	KindInternalModule
	KindTypeAnnotation
	KindTypeArguments
	KindTypeParameters
	KindDecorator
	KindJSXElement
	KindJSXSelfClosingElement
	KindJSXOpeningElement
	KindJSXClosingElement
	KindJSXAttribute
	KindJSXExpression
	KindJSXNamespaceName
	KindJSXText
	KindNestedIdentifier
	KindMetaProperty
	KindYieldExpression
	KindHashBang
	KindInterfaceBody
	KindObjectType
	KindPropertySignature
	KindMethodSignature
	KindFunctionType
	KindConstructorType
	KindGenericType
	KindUnionType
	KindIntersectionType
	KindParenthesizedType
	KindTypeQuery            // typeof x, in a type
	KindNestedTypeIdentifier // ns.T, in a type
	KindImplementsClause
	KindExtendsTypeClause // an interface's extends
	KindAbstractMethodSignature

	// Anonymous keyword tokens the engine needs.
	TokAsync
	TokDefault
	TokType
	TokTypeof
	TokStatic
	TokGet
	TokSet
	TokStar
	TokConst
	TokLet
	TokVar
	TokAnd     // &&
	TokOr      // ||
	TokNullish // ??

	numKinds
)

// namedKinds maps grammar names of named nodes to kinds.
var namedKinds = map[string]Kind{
	"ERROR":                                 KindError,
	"program":                               KindProgram,
	"comment":                               KindComment,
	"html_comment":                          KindComment,
	"expression_statement":                  KindExpressionStatement,
	"string":                                KindString,
	"string_fragment":                       KindStringFragment,
	"template_string":                       KindTemplateString,
	"template_substitution":                 KindTemplateSubstitution,
	"number":                                KindNumber,
	"regex":                                 KindRegex,
	"true":                                  KindTrue,
	"false":                                 KindFalse,
	"null":                                  KindNull,
	"undefined":                             KindUndefined,
	"identifier":                            KindIdentifier,
	"property_identifier":                   KindPropertyIdentifier,
	"shorthand_property_identifier":         KindShorthandPropertyIdentifier,
	"shorthand_property_identifier_pattern": KindShorthandPropertyIdentifierPattern,
	"private_property_identifier":           KindPrivatePropertyIdentifier,
	"type_identifier":                       KindTypeIdentifier,
	"statement_identifier":                  KindStatementIdentifier,
	"this":                                  KindThis,
	"super":                                 KindSuper,
	"import":                                KindImport,
	"parenthesized_expression":              KindParenthesizedExpression,
	"call_expression":                       KindCallExpression,
	"new_expression":                        KindNewExpression,
	"member_expression":                     KindMemberExpression,
	"subscript_expression":                  KindSubscriptExpression,
	"arguments":                             KindArguments,
	"await_expression":                      KindAwaitExpression,
	"unary_expression":                      KindUnaryExpression,
	"binary_expression":                     KindBinaryExpression,
	"ternary_expression":                    KindTernaryExpression,
	"assignment_expression":                 KindAssignmentExpression,
	"augmented_assignment_expression":       KindAugmentedAssignmentExpression,
	"sequence_expression":                   KindSequenceExpression,
	"as_expression":                         KindAsExpression,
	"satisfies_expression":                  KindSatisfiesExpression,
	"non_null_expression":                   KindNonNullExpression,
	"object":                                KindObject,
	"pair":                                  KindPair,
	"array":                                 KindArray,
	"spread_element":                        KindSpreadElement,
	"computed_property_name":                KindComputedPropertyName,
	"arrow_function":                        KindArrowFunction,
	"function_expression":                   KindFunctionExpression,
	"function_declaration":                  KindFunctionDeclaration,
	"generator_function":                    KindGeneratorFunction,
	"generator_function_declaration":        KindGeneratorFunctionDeclaration,
	"function_signature":                    KindFunctionSignature,
	"method_definition":                     KindMethodDefinition,
	"class_declaration":                     KindClassDeclaration,
	"abstract_class_declaration":            KindAbstractClassDeclaration,
	"class":                                 KindClass,
	"class_body":                            KindClassBody,
	"class_heritage":                        KindClassHeritage,
	"extends_clause":                        KindExtendsClause,
	"class_static_block":                    KindClassStaticBlock,
	"public_field_definition":               KindPublicFieldDefinition,
	"formal_parameters":                     KindFormalParameters,
	"required_parameter":                    KindRequiredParameter,
	"optional_parameter":                    KindOptionalParameter,
	"rest_pattern":                          KindRestPattern,
	"assignment_pattern":                    KindAssignmentPattern,
	"object_pattern":                        KindObjectPattern,
	"array_pattern":                         KindArrayPattern,
	"pair_pattern":                          KindPairPattern,
	"object_assignment_pattern":             KindObjectAssignmentPattern,
	"statement_block":                       KindStatementBlock,
	"lexical_declaration":                   KindLexicalDeclaration,
	"variable_declaration":                  KindVariableDeclaration,
	"variable_declarator":                   KindVariableDeclarator,
	"if_statement":                          KindIfStatement,
	"else_clause":                           KindElseClause,
	"for_statement":                         KindForStatement,
	"for_in_statement":                      KindForInStatement,
	"while_statement":                       KindWhileStatement,
	"do_statement":                          KindDoStatement,
	"try_statement":                         KindTryStatement,
	"catch_clause":                          KindCatchClause,
	"finally_clause":                        KindFinallyClause,
	"switch_statement":                      KindSwitchStatement,
	"switch_body":                           KindSwitchBody,
	"switch_case":                           KindSwitchCase,
	"switch_default":                        KindSwitchDefault,
	"labeled_statement":                     KindLabeledStatement,
	"return_statement":                      KindReturnStatement,
	"throw_statement":                       KindThrowStatement,
	"with_statement":                        KindWithStatement,
	"empty_statement":                       KindEmptyStatement,
	"import_statement":                      KindImportStatement,
	"import_clause":                         KindImportClause,
	"named_imports":                         KindNamedImports,
	"import_specifier":                      KindImportSpecifier,
	"namespace_import":                      KindNamespaceImport,
	"import_require_clause":                 KindImportRequireClause,
	"import_alias":                          KindImportAlias,
	"export_statement":                      KindExportStatement,
	"export_clause":                         KindExportClause,
	"export_specifier":                      KindExportSpecifier,
	"namespace_export":                      KindNamespaceExport,
	"type_alias_declaration":                KindTypeAliasDeclaration,
	"interface_declaration":                 KindInterfaceDeclaration,
	"enum_declaration":                      KindEnumDeclaration,
	"ambient_declaration":                   KindAmbientDeclaration,
	"module":                                KindModule,
	"internal_module":                       KindInternalModule,
	"type_annotation":                       KindTypeAnnotation,
	"type_arguments":                        KindTypeArguments,
	"type_parameters":                       KindTypeParameters,
	"decorator":                             KindDecorator,
	"jsx_element":                           KindJSXElement,
	"jsx_self_closing_element":              KindJSXSelfClosingElement,
	"jsx_opening_element":                   KindJSXOpeningElement,
	"jsx_closing_element":                   KindJSXClosingElement,
	"jsx_attribute":                         KindJSXAttribute,
	"jsx_expression":                        KindJSXExpression,
	"jsx_namespace_name":                    KindJSXNamespaceName,
	"jsx_text":                              KindJSXText,
	"nested_identifier":                     KindNestedIdentifier,
	"meta_property":                         KindMetaProperty,
	"yield_expression":                      KindYieldExpression,
	"hash_bang_line":                        KindHashBang,
	"interface_body":                        KindInterfaceBody,
	"object_type":                           KindObjectType,
	"property_signature":                    KindPropertySignature,
	"method_signature":                      KindMethodSignature,
	"function_type":                         KindFunctionType,
	"constructor_type":                      KindConstructorType,
	"generic_type":                          KindGenericType,
	"union_type":                            KindUnionType,
	"intersection_type":                     KindIntersectionType,
	"parenthesized_type":                    KindParenthesizedType,
	"type_query":                            KindTypeQuery,
	"nested_type_identifier":                KindNestedTypeIdentifier,
	"implements_clause":                     KindImplementsClause,
	"extends_type_clause":                   KindExtendsTypeClause,
	"abstract_method_signature":             KindAbstractMethodSignature,
}

// tokenKinds maps the anonymous tokens the engine keeps.
var tokenKinds = map[string]Kind{
	"async":   TokAsync,
	"default": TokDefault,
	"type":    TokType,
	"typeof":  TokTypeof,
	"static":  TokStatic,
	"get":     TokGet,
	"set":     TokSet,
	"*":       TokStar,
	"const":   TokConst,
	"let":     TokLet,
	"var":     TokVar,
	"&&":      TokAnd,
	"||":      TokOr,
	"??":      TokNullish,
}

// Field is a language-independent field name.
type Field uint8

const (
	FieldNone Field = iota
	FieldAlias
	FieldAlternative
	FieldArgument
	FieldArguments
	FieldAttribute
	FieldBody
	FieldCondition
	FieldConsequence
	FieldDeclaration
	FieldDecorator
	FieldFunction
	FieldIndex
	FieldKey
	FieldKind
	FieldLabel
	FieldLeft
	FieldName
	FieldObject
	FieldOpenTag
	FieldCloseTag
	FieldOperator
	FieldParameter
	FieldParameters
	FieldPattern
	FieldProperty
	FieldReturnType
	FieldRight
	FieldSource
	FieldType
	FieldTypeArguments
	FieldTypeParameters
	FieldValue
	FieldInitializer
	FieldHandler
	FieldFinalizer
	FieldConstructor
)

var fieldNames = map[string]Field{
	"alias":           FieldAlias,
	"alternative":     FieldAlternative,
	"argument":        FieldArgument,
	"arguments":       FieldArguments,
	"attribute":       FieldAttribute,
	"body":            FieldBody,
	"condition":       FieldCondition,
	"consequence":     FieldConsequence,
	"declaration":     FieldDeclaration,
	"decorator":       FieldDecorator,
	"function":        FieldFunction,
	"index":           FieldIndex,
	"key":             FieldKey,
	"kind":            FieldKind,
	"label":           FieldLabel,
	"left":            FieldLeft,
	"name":            FieldName,
	"object":          FieldObject,
	"open_tag":        FieldOpenTag,
	"close_tag":       FieldCloseTag,
	"operator":        FieldOperator,
	"parameter":       FieldParameter,
	"parameters":      FieldParameters,
	"pattern":         FieldPattern,
	"property":        FieldProperty,
	"return_type":     FieldReturnType,
	"right":           FieldRight,
	"source":          FieldSource,
	"type":            FieldType,
	"type_arguments":  FieldTypeArguments,
	"type_parameters": FieldTypeParameters,
	"value":           FieldValue,
	"initializer":     FieldInitializer,
	"handler":         FieldHandler,
	"finalizer":       FieldFinalizer,
	"constructor":     FieldConstructor,
}
